using Chat9.Application.Jobs.Common;
using Mediator;

namespace Chat9.Application.Gaps.RequestGapRecalculation;

/// <summary><c>POST /gap-analyzer/recalculate</c>: queues a recalculation, or returns the one already queued or running.</summary>
public sealed record RequestGapRecalculationCommand(Guid BotId) : ICommand<BotJobDto>;
