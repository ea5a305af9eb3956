using Chat9.Application.Common.Interfaces;
using Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;
using Chat9.Domain.Faq;
using Chat9.Domain.Sessions;
using static Chat9.Application.UnitTests.Knowledge.KnowledgeTesting;

namespace Chat9.Application.UnitTests.Knowledge;

public sealed class FaqSuggestionTests
{
    private static readonly WordTerms Terms = new();

    [Test]
    public void KnownQuestions_CoverTheSameQuestionInOtherWords_ButNotADifferentOne()
    {
        var known = new KnownQuestions(Terms, "en", threshold: 0.85);
        known.Add("How do I reset my password?");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(known.Covers("how can I reset my passwords"), Is.True);
            Assert.That(known.Covers("  HOW DO I RESET MY PASSWORD  "), Is.True);
            Assert.That(known.Covers("How do I export a notebook?"), Is.False);
            Assert.That(known.Covers("How do I?"), Is.True, "a question with nothing to search for is never suggested");
        }
    }

    [Test]
    public void Selection_TakesAtMostTheLimit_SkippingKnownAndRepeatedQuestions()
    {
        var known = new KnownQuestions(Terms, "en", threshold: 0.85);
        known.Add("Why is sync slow?");
        var selection = new CandidateSelection(known, max: 20);
        var offered = new List<FaqSuggestion>
        {
            Suggestion("Why is sync so slow?"),
            Suggestion("Where are backups stored?"),
            Suggestion("Where are backups stored"),
        };
        offered.AddRange(Enumerable.Range(1, 30).Select(i => Suggestion($"What does feature number{i} do?")));

        selection.OfferAll(offered);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(selection.Selected, Has.Count.EqualTo(20));
            Assert.That(selection.IsFull, Is.True);
            Assert.That(selection.Selected[0].Question, Is.EqualTo("Where are backups stored?"));
            Assert.That(selection.Selected.Select(s => s.Question), Has.None.EqualTo("Why is sync so slow?").And.None.EqualTo("Where are backups stored"));
            Assert.That(selection.Selected[^1].Question, Is.EqualTo("What does feature number19 do?"), "the rest waits for the next run");
            Assert.That(selection.Offer(Suggestion("Is there a dark mode?")), Is.False);
        }
    }

    [Test]
    public void FromHeadings_AnswersQuestionHeadingsWithTheirSection_NestedSectionsIncluded()
    {
        var document = Document("Export", """
            # Export

            Intro.

            ## How do I export a notebook?

            Open the notebook and choose **Export**.

            ### PDF

            - One file per note

            ## Pricing

            Export is free.

            ## Can I export everything at once

            ## Formats

            PDF and Markdown.
            """);

        var suggestions = DocumentQuestions.FromHeadings(document, questionMaxChars: 500, answerMaxChars: 8000).ToList();

        Assert.That(suggestions, Has.Count.EqualTo(1), "a question heading without content is left out");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(suggestions[0].Question, Is.EqualTo("How do I export a notebook?"));
            Assert.That(suggestions[0].Answer, Is.EqualTo("Open the notebook and choose **Export**.\n\n**PDF**\n\n- One file per note"));
            Assert.That(suggestions[0].Source, Is.EqualTo(FaqSource.Docs));
            Assert.That(suggestions[0].SourceDocumentId, Is.EqualTo(document.Id));
            Assert.That(suggestions[0].Confidence, Is.Null);
        }
    }

    [Test]
    public void FromHeadings_CutsLongSectionsToTheAnswerLimit()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, 400).Select(i => $"Paragraph {i} explains one more detail of exporting notes."));
        var document = Document("Export", "## How do I export?\n\n" + paragraphs + "\n\n```\ncode\n```");

        var answer = DocumentQuestions.FromHeadings(document, 500, 8000).Single().Answer;

        Assert.That(answer, Has.Length.LessThanOrEqualTo(8000).And.EndWith("…").And.StartsWith("Paragraph 1 explains"));
    }

    [Test]
    public void FromLogs_RatedUpAnswersFirst_IdealAnswersWin_ThenQuestionsAskedInThreeConversations()
    {
        var now = DateTimeOffset.UtcNow;
        var s1 = Guid.NewGuid();
        var s2 = Guid.NewGuid();
        var s3 = Guid.NewGuid();
        AnsweredQuestion[] answered =
        [
            Answered(s1, "Can I undo a delete?", "Yes, from the trash.", MessageOutcome.Answer, 0.7, MessageFeedback.Up, null, now),
            Answered(s1, "Where is the trash?", "Not sure.", MessageOutcome.LowConfidence, 0.2, MessageFeedback.Up, "In the sidebar, under **Trash**.", now.AddMinutes(-1)),
            Answered(s2, "Why is my note gone?", "I could not find that.", MessageOutcome.LowConfidence, 0.1, MessageFeedback.Up, null, now.AddMinutes(-2)),
            Answered(s1, "How do I share a note?", "Use **Share**.", MessageOutcome.Answer, 0.8, MessageFeedback.None, null, now.AddMinutes(-3)),
            Answered(s2, "How can I share notes?", "Click Share.", MessageOutcome.Answer, 0.9, MessageFeedback.None, null, now.AddMinutes(-4)),
            Answered(s3, "how do I share a note", "Share it.", MessageOutcome.Answer, 0.3, MessageFeedback.None, null, now.AddMinutes(-5)),
            Answered(s1, "What plans exist?", "Free and Plus.", MessageOutcome.Answer, 0.9, MessageFeedback.None, null, now.AddMinutes(-6)),
            Answered(s1, "What plans exist?", "Free and Plus.", MessageOutcome.Answer, 0.9, MessageFeedback.None, null, now.AddMinutes(-7)),
            Answered(s2, "What plans exist?", "Free and Plus.", MessageOutcome.Answer, 0.9, MessageFeedback.None, null, now.AddMinutes(-8)),
            Answered(s1, "Mail ada@example.com the invoice?", "Done.", MessageOutcome.Answer, 0.9, MessageFeedback.Up, null, now.AddMinutes(-9)),
        ];

        var suggestions = LogQuestions.Suggest(answered, Terms, lowConfidenceThreshold: 0.35, 500, 8000, text => text.Contains('@')).ToList();

        Assert.That(suggestions.Select(s => (s.Question, s.Answer, s.Confidence)), Is.EqualTo(new (string, string, double?)[]
        {
            ("Can I undo a delete?", "Yes, from the trash.", 0.7),
            ("Where is the trash?", "In the sidebar, under **Trash**.", 0.2),
            ("How can I share notes?", "Click Share.", 0.9),
        }));
        Assert.That(suggestions, Has.All.Property(nameof(FaqSuggestion.Source)).EqualTo(FaqSource.Logs));
    }

    private static FaqSuggestion Suggestion(string question) => new(question, "An answer.", FaqSource.Docs, null, null);

    private static AnsweredQuestion Answered(
        Guid session, string question, string answer, MessageOutcome outcome, double confidence, MessageFeedback feedback, string? ideal, DateTimeOffset at) =>
        new(Guid.NewGuid(), session, question, answer, outcome, confidence, feedback, ideal, "en", at);
}
