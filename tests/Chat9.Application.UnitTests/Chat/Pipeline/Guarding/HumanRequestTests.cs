using Chat9.Application.Chat.Pipeline.Guarding;

namespace Chat9.Application.UnitTests.Chat.Pipeline.Guarding;

public sealed class HumanRequestTests
{
    private readonly LocalGuardRules _rules = new();

    [TestCase("Can I talk to a human?")]
    [TestCase("I want to speak to a real person")]
    [TestCase("connect me to support")]
    [TestCase("Please transfer me to an agent")]
    [TestCase("operator")]
    [TestCase("Operator please!")]
    [TestCase("customer service")]
    [TestCase("I need a live agent")]
    [TestCase("Can I speak to someone from your team?")]
    [TestCase("get me a human now")]
    [TestCase("Yes please connect me")]
    [TestCase("human")]
    [TestCase("Quiero hablar con una persona")]
    [TestCase("¿Puedo hablar con un agente?")]
    [TestCase("Ich möchte mit einem Menschen sprechen")]
    [TestCase("Kann ich bitte mit einem Mitarbeiter sprechen?")]
    [TestCase("Verbinden Sie mich mit dem Kundendienst")]
    [TestCase("Je voudrais parler à un humain")]
    [TestCase("Puis-je parler à un conseiller ?")]
    [TestCase("Vorrei parlare con un operatore")]
    [TestCase("operatore")]
    [TestCase("Quero falar com um atendente")]
    [TestCase("atendente, por favor")]
    [TestCase("Ik wil met een medewerker spreken")]
    [TestCase("Chcę porozmawiać z konsultantem")]
    [TestCase("Позовите оператора")]
    [TestCase("оператор")]
    [TestCase("Хочу поговорить с живым человеком")]
    [TestCase("Можно связаться с поддержкой?")]
    [TestCase("Хочу поговорити з оператором")]
    [TestCase("Bir insanla konuşmak istiyorum")]
    [TestCase("Müşteri temsilcisi lütfen")]
    [TestCase("أريد التحدث مع موظف")]
    [TestCase("转人工")]
    [TestCase("我要人工客服")]
    [TestCase("担当者につないでください")]
    [TestCase("オペレーターと話したい")]
    [TestCase("상담원 연결해 주세요")]
    [TestCase("상담원")]
    public void Check_HumanRequest_InEveryLanguage_IsDetected(string message)
    {
        var outcome = _rules.Check(message);

        Assert.That(outcome.Verdict, Is.EqualTo(GuardVerdict.HumanRequest), message);
        Assert.That(Check(outcome).Result, Is.EqualTo(GuardResult.Flag));
        Assert.That(Check(outcome).Detail, Does.StartWith("human_request."));
    }

    [TestCase("How do I use the ternary operator in formulas?")]
    [TestCase("Does the plan include customer service hours on weekends?")]
    [TestCase("How do I assign an agent to a ticket?")]
    [TestCase("Is there support for PDF export?")]
    [TestCase("How do I add a person to my workspace?")]
    [TestCase("How can I talk to someone in my team from the app?")]
    [TestCase("Como faço para falar com alguém da minha equipe pelo app?")]
    [TestCase("¿Cómo hablo con alguien de mi equipo?")]
    [TestCase("Wie füge ich einen Mitarbeiter hinzu?")]
    [TestCase("Как использовать оператор LIKE в поиске?")]
    [TestCase("人工智能功能怎么用？")]
    [TestCase("担当者を設定する方法は？")]
    public void Check_ProductQuestionWithPersonWords_IsNotAHumanRequest(string message) =>
        Assert.That(_rules.Check(message).Verdict, Is.EqualTo(GuardVerdict.Pass), Check(_rules.Check(message)).Detail);

    [Test]
    public void Check_HumanRequestWithAGreeting_IsAHumanRequest() =>
        Assert.That(_rules.Check("Hi! Can I talk to a human please?").Verdict, Is.EqualTo(GuardVerdict.HumanRequest));

    private static GuardCheck Check(LocalGuardOutcome outcome) => outcome.Checks.Single(c => c.Name == "human_request");
}
