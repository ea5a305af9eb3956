using Chat9.Application.Jobs.Common;
using Mediator;

namespace Chat9.Application.Gaps.GetGapJob;

/// <summary><c>GET /gap-analyzer/jobs/{job_id}</c>: a recalculation job of the bot.</summary>
public sealed record GetGapJobQuery(Guid BotId, Guid JobId) : IQuery<BotJobDto>;
