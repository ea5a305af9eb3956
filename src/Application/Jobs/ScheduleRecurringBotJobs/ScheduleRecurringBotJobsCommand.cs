using Mediator;

namespace Chat9.Application.Jobs.ScheduleRecurringBotJobs;

/// <summary>Queues the recurring jobs that are due: gap recalculation (every <c>Gaps:RecalculateHours</c>) and FAQ
/// suggestions (every <c>Jobs:FaqGenerationHours</c>) for each active bot. Returns how many were queued.</summary>
public sealed record ScheduleRecurringBotJobsCommand : ICommand<int>;
