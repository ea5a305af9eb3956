using Chat9.Domain.Common;
using Chat9.Domain.Gaps.Events;

namespace Chat9.Domain.Gaps;

/// <summary>A cluster of visitor questions the knowledge base fails, or covers thinly.</summary>
public sealed class Gap : Entity, IAggregateRoot
{
    public const int MaxExamples = 5;

    public const int TitleMaxChars = 200;

    private List<string> _exampleQuestions = [];

    // For EF Core.
    private Gap() { }

    private Gap(Guid id, Guid botId, GapMode mode, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        Mode = mode;
        Status = GapStatus.Active;
        UpdatedAt = now;
    }

    public Guid BotId { get; private set; }

    public GapMode Mode { get; private set; }

    public string Title { get; private set; } = null!;

    public int QuestionCount { get; private set; }

    /// <summary>Up to five distinct questions, most recent first.</summary>
    public IReadOnlyList<string> ExampleQuestions => _exampleQuestions.AsReadOnly();

    public DateTimeOffset FirstSeen { get; private set; }

    public DateTimeOffset LastSeen { get; private set; }

    public GapStatus Status { get; private set; }

    public SuggestedAction SuggestedAction { get; private set; } = null!;

    public GapSignals Signals { get; private set; } = GapSignals.None;

    public string? DismissedReason { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Gap Detect(Guid botId, GapMode mode, GapObservation observation, DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        var gap = new Gap(Guid.CreateVersion7(now), botId, mode, now);
        gap.Apply(observation, now);
        gap.Raise(new GapDetected(gap.Id, botId, gap.Title));
        return gap;
    }

    /// <summary>
    /// Takes the latest clustering of this gap. A dismissed gap stays dismissed (only its counts move);
    /// a resolved gap with newer signals becomes active again.
    /// </summary>
    public void Observe(GapObservation observation, DateTimeOffset now)
    {
        var hasNewSignals = observation.LastSeen > LastSeen;
        Apply(observation, now);
        if (Status == GapStatus.Resolved && hasNewSignals)
        {
            Status = GapStatus.Active;
            ResolvedAt = null;
            Raise(new GapReactivated(Id, BotId));
        }
    }

    public void Dismiss(string? reason, DateTimeOffset now)
    {
        Status = GapStatus.Dismissed;
        DismissedReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        UpdatedAt = now;
        Raise(new GapDismissed(Id, BotId));
    }

    public void Reactivate(DateTimeOffset now)
    {
        if (Status == GapStatus.Active)
        {
            return;
        }

        Status = GapStatus.Active;
        DismissedReason = null;
        ResolvedAt = null;
        UpdatedAt = now;
        Raise(new GapReactivated(Id, BotId));
    }

    /// <summary>Marks the gap answered by the docs. Only active gaps resolve; a dismissal is the operator's call and stays.</summary>
    public void Resolve(DateTimeOffset now)
    {
        if (Status != GapStatus.Active)
        {
            return;
        }

        Status = GapStatus.Resolved;
        ResolvedAt = now;
        UpdatedAt = now;
        Raise(new GapResolved(Id, BotId));
    }

    private void Apply(GapObservation observation, DateTimeOffset now)
    {
        if (observation.QuestionCount < 1)
        {
            throw new DomainValidationException("question_count", "A gap needs at least one question.");
        }

        if (observation.LastSeen < observation.FirstSeen)
        {
            throw new DomainValidationException("last_seen", "last_seen cannot precede first_seen.");
        }

        Title = Guard.NotBlank(observation.Title, "title");
        if (Title.Length > TitleMaxChars)
        {
            throw new DomainValidationException("title", $"A gap title has at most {TitleMaxChars} characters.");
        }

        QuestionCount = observation.QuestionCount;
        _exampleQuestions = [.. observation.ExampleQuestions.Where(q => !string.IsNullOrWhiteSpace(q)).Distinct().Take(MaxExamples)];
        FirstSeen = observation.FirstSeen;
        LastSeen = observation.LastSeen;
        SuggestedAction = observation.SuggestedAction;
        Signals = observation.Signals;
        UpdatedAt = now;
    }
}

/// <summary>One clustering result for a gap.</summary>
public sealed record GapObservation(
    string Title,
    int QuestionCount,
    IReadOnlyList<string> ExampleQuestions,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    SuggestedAction SuggestedAction,
    GapSignals Signals);
