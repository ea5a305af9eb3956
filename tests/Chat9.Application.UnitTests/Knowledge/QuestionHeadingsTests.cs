using Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

namespace Chat9.Application.UnitTests.Knowledge;

public sealed class QuestionHeadingsTests
{
    [TestCase("How do I export a notebook", "en", "How do I export a notebook?")]
    [TestCase("Why is sync slow?", "en", "Why is sync slow?")]
    [TestCase("What's new in version 3", "en", "What's new in version 3?")]
    [TestCase("Can I undo a delete", "en", "Can I undo a delete?")]
    [TestCase("Is there a limit on attachments", "en", "Is there a limit on attachments?")]
    [TestCase("Does Notewell work offline", "en", "Does Notewell work offline?")]
    [TestCase("How to share a note:", null, "How to share a note?")]
    [TestCase("Wie exportiere ich Notizen", "de", "Wie exportiere ich Notizen?")]
    [TestCase("¿Cómo exporto mis notas?", "es", "¿Cómo exporto mis notas?")]
    [TestCase("Comment partager une note", "fr", "Comment partager une note?")]
    [TestCase("Waarom synchroniseert het niet", "nl", "Waarom synchroniseert het niet?")]
    public void AsQuestion_RecognisesQuestionHeadings(string heading, string? language, string expected) =>
        Assert.That(QuestionHeadings.AsQuestion(heading, language), Is.EqualTo(expected));

    [TestCase("Export formats", "en")]
    [TestCase("Do not disturb mode", "en")]
    [TestCase("Do Not Disturb", "en")]
    [TestCase("Can Opener Integration", "en")]
    [TestCase("How-to guides", "en")]
    [TestCase("FAQ", "en")]
    [TestCase("How", "en")]
    [TestCase("Wie exportiere ich Notizen", "en")]
    [TestCase("Was ist neu", "en")]
    public void AsQuestion_LeavesOtherHeadings(string heading, string? language) =>
        Assert.That(QuestionHeadings.AsQuestion(heading, language), Is.Null);
}
