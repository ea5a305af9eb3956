using Chat9.Domain.Gaps;
using Chat9.Domain.Gaps.Events;
using Chat9.Domain.UnitTests.Common;
using static Chat9.Domain.UnitTests.Common.Moments;

namespace Chat9.Domain.UnitTests.Gaps;

public sealed class GapTests
{
    private static readonly Guid BotId = Guid.NewGuid();
    private static readonly DateTimeOffset FirstSeen = Now.AddDays(-7);

    private static GapObservation Observation(
        int questionCount = 3,
        DateTimeOffset? lastSeen = null,
        IReadOnlyList<string>? examples = null,
        string title = "Exporting to CSV") =>
        new(title, questionCount, examples ?? ["How do I export?", "Can I get a CSV?"], FirstSeen, lastSeen ?? Now.AddDays(-1),
            new SuggestedAction(SuggestedActionKind.WriteDoc, "Write an export guide."), new GapSignals(2, 1, 0, 0));

    private static Gap Detect(GapObservation? observation = null)
    {
        var gap = Gap.Detect(BotId, GapMode.Questions, observation ?? Observation(), Now);
        gap.ClearDomainEvents();
        return gap;
    }

    // ---- Detect -----------------------------------------------------------------------------------------------

    [Test]
    public void Detect_WhenObservationIsValid_IsActiveWithObservedValues()
    {
        var gap = Gap.Detect(BotId, GapMode.Coverage, Observation(title: "  Exporting to CSV  "), Now);

        var detected = DomainAssert.Raised<GapDetected>(gap);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Active));
            Assert.That(gap.Mode, Is.EqualTo(GapMode.Coverage));
            Assert.That(gap.Title, Is.EqualTo("Exporting to CSV"));
            Assert.That(gap.QuestionCount, Is.EqualTo(3));
            Assert.That(gap.ExampleQuestions, Is.EqualTo(new[] { "How do I export?", "Can I get a CSV?" }));
            Assert.That(gap.FirstSeen, Is.EqualTo(FirstSeen));
            Assert.That(gap.LastSeen, Is.EqualTo(Now.AddDays(-1)));
            Assert.That(gap.SuggestedAction.Kind, Is.EqualTo(SuggestedActionKind.WriteDoc));
            Assert.That(gap.Signals, Is.EqualTo(new GapSignals(2, 1, 0, 0)));
            Assert.That(detected.Title, Is.EqualTo("Exporting to CSV"));
            Assert.That(detected.GapId, Is.EqualTo(gap.Id));
        }
    }

    [Test]
    public void Detect_WhenExamplesRepeatOrAreBlank_KeepsAtMostFiveDistinctInOrder()
    {
        string[] examples = ["q1", "q2", "q1", " ", "q3", "", "q4", "q2", "q5", "q6", "q7"];

        var gap = Detect(Observation(examples: examples));

        Assert.That(gap.ExampleQuestions, Is.EqualTo(new[] { "q1", "q2", "q3", "q4", "q5" }));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void Detect_WhenNoQuestions_ThrowsValidationForQuestionCount(int count) =>
        DomainAssert.ThrowsValidation("question_count", () => Detect(Observation(questionCount: count)));

    [Test]
    public void Detect_WhenLastSeenPrecedesFirstSeen_ThrowsValidationForLastSeen() =>
        DomainAssert.ThrowsValidation("last_seen", () => Detect(Observation(lastSeen: FirstSeen.AddSeconds(-1))));

    [Test]
    public void Detect_WhenTitleIsBlank_ThrowsValidationForTitle() =>
        DomainAssert.ThrowsValidation("title", () => Detect(Observation(title: "  ")));

    // ---- Observe ----------------------------------------------------------------------------------------------

    [Test]
    public void Observe_WhenActive_TakesNewValuesAndStaysActiveWithoutEvents()
    {
        var gap = Detect();

        gap.Observe(Observation(questionCount: 9, lastSeen: Now, examples: ["q9"]), Now.AddMinutes(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Active));
            Assert.That(gap.QuestionCount, Is.EqualTo(9));
            Assert.That(gap.LastSeen, Is.EqualTo(Now));
            Assert.That(gap.ExampleQuestions, Is.EqualTo(new[] { "q9" }));
            Assert.That(gap.UpdatedAt, Is.EqualTo(Now.AddMinutes(5)));
            Assert.That(gap.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Observe_WhenDismissedAndNewSignalsArrive_StaysDismissedButUpdatesCounts()
    {
        var gap = Detect();
        gap.Dismiss("Out of scope", Now);
        gap.ClearDomainEvents();

        gap.Observe(Observation(questionCount: 12, lastSeen: Now.AddDays(1)), Now.AddDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Dismissed));
            Assert.That(gap.DismissedReason, Is.EqualTo("Out of scope"));
            Assert.That(gap.QuestionCount, Is.EqualTo(12));
            Assert.That(gap.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Observe_WhenResolvedAndLastSeenIsNewer_BecomesActiveAgain()
    {
        var gap = Detect();
        gap.Resolve(Now);
        gap.ClearDomainEvents();

        gap.Observe(Observation(lastSeen: Now.AddHours(1)), Now.AddHours(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Active));
            Assert.That(gap.ResolvedAt, Is.Null);
            Assert.That(DomainAssert.Raised<GapReactivated>(gap).GapId, Is.EqualTo(gap.Id));
        }
    }

    [Test]
    public void Observe_WhenResolvedAndNoNewerSignal_StaysResolved()
    {
        var gap = Detect();
        gap.Resolve(Now);
        gap.ClearDomainEvents();

        gap.Observe(Observation(questionCount: 4), Now.AddHours(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Resolved));
            Assert.That(gap.ResolvedAt, Is.EqualTo(Now));
            Assert.That(gap.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Observe_WhenObservationIsInvalid_ThrowsAndKeepsPreviousValues()
    {
        var gap = Detect();

        DomainAssert.ThrowsValidation("question_count", () => gap.Observe(Observation(questionCount: 0), Now));
        Assert.That(gap.QuestionCount, Is.EqualTo(3));
    }

    // ---- Dismiss / Reactivate / Resolve -----------------------------------------------------------------------

    [Test]
    public void Dismiss_WhenActive_IsDismissedWithTrimmedReason()
    {
        var gap = Detect();

        gap.Dismiss("  Not our product  ", Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Dismissed));
            Assert.That(gap.DismissedReason, Is.EqualTo("Not our product"));
            Assert.That(gap.UpdatedAt, Is.EqualTo(Now.AddHours(1)));
            DomainAssert.Raised<GapDismissed>(gap);
        }
    }

    [Test]
    public void Dismiss_WhenReasonIsBlank_StoresNoReason()
    {
        var gap = Detect();

        gap.Dismiss("   ", Now);

        Assert.That(gap.DismissedReason, Is.Null);
    }

    [Test]
    public void Reactivate_WhenDismissed_IsActiveAndClearsReason()
    {
        var gap = Detect();
        gap.Dismiss("Out of scope", Now);
        gap.ClearDomainEvents();

        gap.Reactivate(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Active));
            Assert.That(gap.DismissedReason, Is.Null);
            DomainAssert.Raised<GapReactivated>(gap);
        }
    }

    [Test]
    public void Reactivate_WhenResolved_IsActiveAndClearsResolvedAt()
    {
        var gap = Detect();
        gap.Resolve(Now);

        gap.Reactivate(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Active));
            Assert.That(gap.ResolvedAt, Is.Null);
        }
    }

    [Test]
    public void Reactivate_WhenActive_IsNoOpWithoutEvent()
    {
        var gap = Detect();

        gap.Reactivate(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Active));
            Assert.That(gap.UpdatedAt, Is.EqualTo(Now));
            Assert.That(gap.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Resolve_WhenActive_IsResolved()
    {
        var gap = Detect();

        gap.Resolve(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Resolved));
            Assert.That(gap.ResolvedAt, Is.EqualTo(Now.AddHours(1)));
            DomainAssert.Raised<GapResolved>(gap);
        }
    }

    [Test]
    public void Resolve_WhenDismissed_StaysDismissedWithoutEvent()
    {
        var gap = Detect();
        gap.Dismiss(null, Now);
        gap.ClearDomainEvents();

        gap.Resolve(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Status, Is.EqualTo(GapStatus.Dismissed));
            Assert.That(gap.ResolvedAt, Is.Null);
            Assert.That(gap.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Resolve_WhenAlreadyResolved_KeepsFirstResolutionWithoutEvent()
    {
        var gap = Detect();
        gap.Resolve(Now);
        gap.ClearDomainEvents();

        gap.Resolve(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.ResolvedAt, Is.EqualTo(Now));
            Assert.That(gap.DomainEvents, Is.Empty);
        }
    }
}
