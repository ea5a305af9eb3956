using Chat9.Application.Chat.Pipeline.Guarding;

namespace Chat9.Application.UnitTests.Chat.Pipeline.Guarding;

public sealed class AffirmativeAndEmailTests
{
    private readonly LocalGuardRules _rules = new();

    [TestCase("yes")]
    [TestCase("Yes please!")]
    [TestCase("please")]
    [TestCase("sure")]
    [TestCase("ok")]
    [TestCase("yeah, go ahead")]
    [TestCase("yes, thank you")]
    [TestCase("sí")]
    [TestCase("si, por favor")]
    [TestCase("ja")]
    [TestCase("Ja, gerne")]
    [TestCase("oui")]
    [TestCase("Oui, s'il vous plaît")]
    [TestCase("sì, grazie")]
    [TestCase("sim")]
    [TestCase("ja graag")]
    [TestCase("tak")]
    [TestCase("да")]
    [TestCase("Да, пожалуйста")]
    [TestCase("так")]
    [TestCase("evet")]
    [TestCase("نعم")]
    [TestCase("是")]
    [TestCase("好的")]
    [TestCase("はい")]
    [TestCase("はい、お願いします")]
    [TestCase("네")]
    public void IsAffirmative_ShortYes_IsTrue(string message) =>
        Assert.That(_rules.IsAffirmative(message), Is.True);

    [TestCase("no")]
    [TestCase("nein")]
    [TestCase("not sure")]
    [TestCase("yes?")]
    [TestCase("yes, how do I export?")]
    [TestCase("yes I want to know how to export my notes")]
    [TestCase("yes yes yes yes yes yes")]
    [TestCase("thanks")]
    [TestCase("")]
    [TestCase("PDF")]
    [TestCase("да?")]
    public void IsAffirmative_AnythingElse_IsFalse(string message) =>
        Assert.That(_rules.IsAffirmative(message), Is.False);

    [TestCase("ana@example.com", "ana@example.com")]
    [TestCase("Sure, it's ana.maria+support@mail.example.co.uk.", "ana.maria+support@mail.example.co.uk")]
    [TestCase("write to <bob_o'neil@acme.test> please", "bob_o'neil@acme.test")]
    [TestCase("mailto:ANA@Example.COM", "ANA@Example.COM")]
    [TestCase("josé@correo.españa.es", "josé@correo.españa.es")]
    [TestCase("first a@b.io then c@d.io", "a@b.io")]
    public void FindEmail_ValidAddress_IsFound(string message, string expected) =>
        Assert.That(LocalGuardRules.FindEmail(message), Is.EqualTo(expected));

    [TestCase("no email here")]
    [TestCase("ana@")]
    [TestCase("@example.com")]
    [TestCase("ana@example")]
    [TestCase("ana@@example.com")]
    [TestCase("ana..maria@example.com")]
    [TestCase("ana@-example.com")]
    [TestCase("ana@example..com")]
    [TestCase("ana@example.c")]
    [TestCase("ana@example.123")]
    [TestCase("ana example.com")]
    public void FindEmail_InvalidOrMissing_IsNull(string message) =>
        Assert.That(LocalGuardRules.FindEmail(message), Is.Null);

    [Test]
    public void FindEmail_LocalPartOver64_IsNull() =>
        Assert.That(LocalGuardRules.FindEmail(new string('a', 65) + "@example.com"), Is.Null);

    [Test]
    public void FindEmail_LocalPartOf64_IsFound() =>
        Assert.That(LocalGuardRules.FindEmail(new string('a', 64) + "@example.com"), Is.Not.Null);
}
