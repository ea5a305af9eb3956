using Chat9.Domain.Jobs;

namespace Chat9.Application.Jobs.Common;

/// <summary>A job as the API shows it: <c>{job_id, status, created_at, started_at, finished_at, error}</c>.</summary>
public sealed record BotJobDto(
    Guid JobId,
    BotJobStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    public static BotJobDto From(BotJob job) => new(job.Id, job.Status, job.CreatedAt, job.StartedAt, job.FinishedAt, job.Error);
}
