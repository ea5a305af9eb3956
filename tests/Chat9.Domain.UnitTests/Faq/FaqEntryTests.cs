using Chat9.Domain.Faq;
using Chat9.Domain.Faq.Events;
using Chat9.Domain.UnitTests.Common;
using static Chat9.Domain.UnitTests.Common.Moments;

namespace Chat9.Domain.UnitTests.Faq;

public sealed class FaqEntryTests
{
    private static readonly Guid BotId = Guid.NewGuid();

    private static FaqEntry Candidate()
    {
        var entry = FaqEntry.Suggest(BotId, "How do I export?", "Use the Export button.", FaqSource.Docs, 0.7, null, Now);
        entry.ClearDomainEvents();
        return entry;
    }

    private static FaqEntry Rejected()
    {
        var entry = Candidate();
        entry.Reject(Now);
        entry.ClearDomainEvents();
        return entry;
    }

    [Test]
    public void AddManual_WhenValid_IsApprovedAtOnce()
    {
        var entry = FaqEntry.AddManual(BotId, "  How do I export?  ", "  Use the Export button.  ", Now);

        var approved = DomainAssert.Raised<FaqEntryApproved>(entry);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Status, Is.EqualTo(FaqStatus.Approved));
            Assert.That(entry.ApprovedAt, Is.EqualTo(Now));
            Assert.That(entry.Source, Is.EqualTo(FaqSource.Manual));
            Assert.That(entry.Question, Is.EqualTo("How do I export?"));
            Assert.That(entry.Answer, Is.EqualTo("Use the Export button."));
            Assert.That(approved.FaqEntryId, Is.EqualTo(entry.Id));
        }
    }

    [TestCase("", "answer", "question")]
    [TestCase("question", "  ", "answer")]
    public void AddManual_WhenQuestionOrAnswerBlank_ThrowsValidationForThatField(string question, string answer, string field) =>
        DomainAssert.ThrowsValidation(field, () => FaqEntry.AddManual(BotId, question, answer, Now));

    [TestCase(FaqSource.Docs)]
    [TestCase(FaqSource.Logs)]
    public void Suggest_WhenFromDocsOrLogs_IsCandidateAndNotApproved(FaqSource source)
    {
        var documentId = Guid.NewGuid();

        var entry = FaqEntry.Suggest(BotId, "Q?", "A.", source, 0.7, documentId, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Status, Is.EqualTo(FaqStatus.Candidate));
            Assert.That(entry.ApprovedAt, Is.Null);
            Assert.That(entry.Source, Is.EqualTo(source));
            Assert.That(entry.Confidence, Is.EqualTo(0.7));
            Assert.That(entry.SourceDocumentId, Is.EqualTo(documentId));
            Assert.That(entry.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Suggest_WhenSourceIsManual_ThrowsValidationForSource() =>
        DomainAssert.ThrowsValidation("source", () => FaqEntry.Suggest(BotId, "Q?", "A.", FaqSource.Manual, null, null, Now));

    [Test]
    public void Suggest_WhenConfidenceAboveOne_ThrowsValidationForConfidence() =>
        DomainAssert.ThrowsValidation("confidence", () => FaqEntry.Suggest(BotId, "Q?", "A.", FaqSource.Logs, 1.2, null, Now));

    [Test]
    public void Approve_WhenCandidate_IsApproved()
    {
        var entry = Candidate();

        entry.Approve(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Status, Is.EqualTo(FaqStatus.Approved));
            Assert.That(entry.ApprovedAt, Is.EqualTo(Now.AddHours(1)));
            DomainAssert.Raised<FaqEntryApproved>(entry);
        }
    }

    [Test]
    public void Approve_WhenAlreadyApproved_IsNoOpWithoutEvent()
    {
        var entry = FaqEntry.AddManual(BotId, "Q?", "A.", Now);
        entry.ClearDomainEvents();

        entry.Approve(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.ApprovedAt, Is.EqualTo(Now));
            Assert.That(entry.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Reject_WhenCandidate_IsRejected()
    {
        var entry = Candidate();

        entry.Reject(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Status, Is.EqualTo(FaqStatus.Rejected));
            Assert.That(entry.UpdatedAt, Is.EqualTo(Now.AddHours(1)));
            DomainAssert.Raised<FaqEntryRejected>(entry);
        }
    }

    [Test]
    public void Reject_WhenApproved_ThrowsInvalidTransition()
    {
        var entry = FaqEntry.AddManual(BotId, "Q?", "A.", Now);

        DomainAssert.ThrowsCode("invalid_transition", () => entry.Reject(Now));
        Assert.That(entry.Status, Is.EqualTo(FaqStatus.Approved));
    }

    [Test]
    public void Reject_WhenAlreadyRejected_ThrowsInvalidTransition() =>
        DomainAssert.ThrowsCode("invalid_transition", () => Rejected().Reject(Now));

    [Test]
    public void Edit_WhenRejected_ThrowsInvalidTransition()
    {
        var entry = Rejected();

        DomainAssert.ThrowsCode("invalid_transition", () => entry.Edit("New Q?", "New A.", Now));
        Assert.That(entry.Question, Is.EqualTo("How do I export?"));
    }

    [Test]
    public void Approve_WhenRejected_ThrowsInvalidTransition()
    {
        var entry = Rejected();

        DomainAssert.ThrowsCode("invalid_transition", () => entry.Approve(Now));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Status, Is.EqualTo(FaqStatus.Rejected));
            Assert.That(entry.ApprovedAt, Is.Null);
        }
    }

    [Test]
    public void Edit_WhenCandidate_ReplacesTrimmedTextAndKeepsStatus()
    {
        var entry = Candidate();

        entry.Edit(" New Q? ", " New A. ", Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Question, Is.EqualTo("New Q?"));
            Assert.That(entry.Answer, Is.EqualTo("New A."));
            Assert.That(entry.Status, Is.EqualTo(FaqStatus.Candidate));
            Assert.That(entry.UpdatedAt, Is.EqualTo(Now.AddHours(1)));
        }
    }

    [Test]
    public void Edit_WhenAnswerBlank_ThrowsValidationForAnswer() =>
        DomainAssert.ThrowsValidation("answer", () => Candidate().Edit("Q?", " ", Now));
}
