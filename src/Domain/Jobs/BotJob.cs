using Chat9.Domain.Common;

namespace Chat9.Domain.Jobs;

public enum BotJobKind
{
    /// <summary>Rebuilds the bot's gaps (management-api.md "Gap Analyzer").</summary>
    GapRecalculation,

    /// <summary>Extracts the knowledge profile from the bot's documents.</summary>
    ProfileExtraction,

    /// <summary>Suggests FAQ candidates from the documents and the chat logs.</summary>
    FaqGeneration,
}

public enum BotJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A piece of background knowledge upkeep for one bot. The row is the queue: a worker claims it under a lease, so a
/// crashed instance's job is taken over once the lease expires, and a job that keeps crashing stops after
/// <see cref="MaxAttempts"/>.
/// </summary>
public sealed class BotJob : Entity, IAggregateRoot
{
    public const int MaxAttempts = 3;

    public const int ErrorMaxChars = 500;

    // For EF Core.
    private BotJob() { }

    private BotJob(Guid id, Guid botId, BotJobKind kind, DateTimeOffset dueAt, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        Kind = kind;
        Status = BotJobStatus.Queued;
        CreatedAt = now;
        DueAt = dueAt < now ? now : dueAt;
    }

    public Guid BotId { get; private set; }

    public BotJobKind Kind { get; private set; }

    public BotJobStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not started before this time (e.g. a minute after the documents changed, so a batch of uploads runs once).</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>Claims so far; also the concurrency token that lets only one of two racing workers win a claim.</summary>
    public int Attempts { get; private set; }

    public bool IsPending => Status is BotJobStatus.Queued or BotJobStatus.Running;

    public static BotJob Queue(Guid botId, BotJobKind kind, DateTimeOffset dueAt, DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        return new BotJob(Guid.CreateVersion7(now), botId, kind, dueAt, now);
    }

    /// <summary>Queued and due, or running under a lease that has expired (its worker is gone).</summary>
    public bool IsClaimable(DateTimeOffset now) =>
        (Status == BotJobStatus.Queued && DueAt <= now) || (Status == BotJobStatus.Running && LeaseExpiresAt <= now);

    /// <summary>
    /// Takes the job for <paramref name="worker"/>. Returns false when the job has already used up its attempts: it is
    /// then failed instead of started, so a job that crashes its worker cannot crash every instance in turn.
    /// </summary>
    public bool Claim(string worker, DateTimeOffset now, TimeSpan lease)
    {
        if (!IsClaimable(now))
        {
            throw new DomainException("job_not_claimable", "The job is not waiting to run.");
        }

        Attempts++;
        if (Attempts > MaxAttempts)
        {
            Finish(BotJobStatus.Failed, $"Stopped after {MaxAttempts} attempts that did not finish.", now);
            return false;
        }

        Status = BotJobStatus.Running;
        StartedAt = now;
        LeaseOwner = Guard.NotBlank(worker, "worker");
        LeaseExpiresAt = now + lease;
        return true;
    }

    public void RenewLease(string worker, DateTimeOffset now, TimeSpan lease)
    {
        EnsureHeldBy(worker);
        LeaseExpiresAt = now + lease;
    }

    public void Succeed(string worker, DateTimeOffset now)
    {
        EnsureHeldBy(worker);
        Finish(BotJobStatus.Succeeded, null, now);
    }

    public void Fail(string worker, string error, DateTimeOffset now)
    {
        EnsureHeldBy(worker);
        Finish(BotJobStatus.Failed, Text.Truncate(Guard.NotBlank(error, "error"), ErrorMaxChars, "…"), now);
    }

    private void Finish(BotJobStatus status, string? error, DateTimeOffset now)
    {
        Status = status;
        Error = error;
        FinishedAt = now;
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }

    private void EnsureHeldBy(string worker)
    {
        if (Status != BotJobStatus.Running || LeaseOwner != worker)
        {
            throw new DomainException("lease_lost", "Another worker has taken over this job.");
        }
    }
}
