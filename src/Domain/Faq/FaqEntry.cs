using Chat9.Domain.Common;
using Chat9.Domain.Faq.Events;

namespace Chat9.Domain.Faq;

/// <summary>A question with its answer. Approved entries answer close questions directly, without retrieval or a model.</summary>
public sealed class FaqEntry : Entity, IAggregateRoot
{
    // For EF Core.
    private FaqEntry() { }

    private FaqEntry(Guid id, Guid botId, string question, string answer, FaqSource source, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        Question = question;
        Answer = answer;
        Source = source;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid BotId { get; private set; }

    public string Question { get; private set; } = null!;

    public string Answer { get; private set; } = null!;

    public FaqStatus Status { get; private set; }

    public FaqSource Source { get; private set; }

    public double? Confidence { get; private set; }

    public Guid? SourceDocumentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>An entry written by an operator: approved at once.</summary>
    public static FaqEntry AddManual(Guid botId, string question, string answer, DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        var entry = new FaqEntry(Guid.CreateVersion7(now), botId, Guard.NotBlank(question, "question"), Guard.NotBlank(answer, "answer"), FaqSource.Manual, now);
        entry.Approve(now);
        return entry;
    }

    /// <summary>A suggestion from documents or logs; never approved automatically.</summary>
    public static FaqEntry Suggest(Guid botId, string question, string answer, FaqSource source, double? confidence, Guid? sourceDocumentId, DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        if (source == FaqSource.Manual)
        {
            throw new DomainValidationException("source", "Manual entries are added, not suggested.");
        }

        return new FaqEntry(Guid.CreateVersion7(now), botId, Guard.NotBlank(question, "question"), Guard.NotBlank(answer, "answer"), source, now)
        {
            Status = FaqStatus.Candidate,
            Confidence = Guard.UnitInterval(confidence, "confidence"),
            SourceDocumentId = sourceDocumentId,
        };
    }

    public void Edit(string question, string answer, DateTimeOffset now)
    {
        EnsureNotRejected();
        Question = Guard.NotBlank(question, "question");
        Answer = Guard.NotBlank(answer, "answer");
        UpdatedAt = now;
    }

    public void Approve(DateTimeOffset now)
    {
        EnsureNotRejected();
        if (Status == FaqStatus.Approved)
        {
            return;
        }

        Status = FaqStatus.Approved;
        ApprovedAt = now;
        UpdatedAt = now;
        Raise(new FaqEntryApproved(Id, BotId));
    }

    public void Reject(DateTimeOffset now)
    {
        if (Status != FaqStatus.Candidate)
        {
            throw new DomainException("invalid_transition", "Only candidates can be rejected.");
        }

        Status = FaqStatus.Rejected;
        UpdatedAt = now;
        Raise(new FaqEntryRejected(Id, BotId));
    }

    private void EnsureNotRejected()
    {
        if (Status == FaqStatus.Rejected)
        {
            throw new DomainException("invalid_transition", "The entry was rejected.");
        }
    }
}
