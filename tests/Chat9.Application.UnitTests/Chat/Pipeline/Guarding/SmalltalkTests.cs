using Chat9.Application.Chat.Pipeline.Guarding;

namespace Chat9.Application.UnitTests.Chat.Pipeline.Guarding;

public sealed class SmalltalkTests
{
    private readonly LocalGuardRules _rules = new();

    [TestCase("hi")]
    [TestCase("Hello!")]
    [TestCase("hey there 👋")]
    [TestCase("Good morning")]
    [TestCase("hola")]
    [TestCase("Hallo")]
    [TestCase("Bonjour !")]
    [TestCase("Buongiorno")]
    [TestCase("Olá")]
    [TestCase("Cześć")]
    [TestCase("Привет")]
    [TestCase("Merhaba")]
    [TestCase("مرحبا")]
    [TestCase("你好")]
    [TestCase("こんにちは")]
    [TestCase("안녕하세요")]
    public void Check_Greeting_IsSmalltalkHello(string message) => AssertSmalltalk(message, SmalltalkKind.Hello);

    [TestCase("thanks!")]
    [TestCase("Thank you so much")]
    [TestCase("ok")]
    [TestCase("OK, got it")]
    [TestCase("merci beaucoup")]
    [TestCase("gracias")]
    [TestCase("Danke schön!")]
    [TestCase("Vielen Dank")]
    [TestCase("grazie mille")]
    [TestCase("obrigado")]
    [TestCase("bedankt")]
    [TestCase("Спасибо большое")]
    [TestCase("дякую")]
    [TestCase("teşekkürler")]
    [TestCase("شكرا")]
    [TestCase("谢谢")]
    [TestCase("ありがとうございます")]
    [TestCase("감사합니다")]
    [TestCase("Hi, thanks again!")]
    [TestCase("no thanks")]
    public void Check_ThanksOrAcknowledgement_IsSmalltalkThanks(string message) => AssertSmalltalk(message, SmalltalkKind.Thanks);

    [TestCase("hi, how do I export to PDF?")]
    [TestCase("Hello, where are my notes?")]
    [TestCase("thanks, but the export still fails")]
    [TestCase("ok so how do I share a notebook")]
    [TestCase("Hallo, wie exportiere ich?")]
    [TestCase("PDF")]
    [TestCase("?")]
    [TestCase("please")]
    public void Check_QuestionOrNonSmalltalk_IsNotSmalltalk(string message)
    {
        var outcome = _rules.Check(message);

        Assert.That(outcome.Verdict, Is.Not.EqualTo(GuardVerdict.Smalltalk));
        Assert.That(outcome.Smalltalk, Is.EqualTo(SmalltalkKind.None));
        Assert.That(outcome.Checks.Single(c => c.Name == "smalltalk").Result, Is.EqualTo(GuardResult.Pass));
    }

    [Test]
    public void Check_AlwaysReportsAllFourChecksInOrder() =>
        Assert.That(_rules.Check("hi").Checks.Select(c => c.Name), Is.EqualTo(new[] { "prompt_injection", "abuse", "human_request", "smalltalk" }));

    private void AssertSmalltalk(string message, SmalltalkKind kind)
    {
        var outcome = _rules.Check(message);

        Assert.That(outcome.Verdict, Is.EqualTo(GuardVerdict.Smalltalk), message);
        Assert.That(outcome.Smalltalk, Is.EqualTo(kind));
        Assert.That(outcome.Refusal, Is.EqualTo(RefusalKind.None));
    }
}
