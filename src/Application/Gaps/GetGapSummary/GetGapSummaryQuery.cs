using Chat9.Application.Gaps.Common;
using Mediator;

namespace Chat9.Application.Gaps.GetGapSummary;

/// <summary><c>GET /gap-analyzer/summary</c>: counts per status, the five largest active gaps and when the gaps were last recalculated.</summary>
public sealed record GetGapSummaryQuery(Guid BotId) : IQuery<GapSummaryDto>;

public sealed record GapSummaryDto(int Active, int Dismissed, int Resolved, IReadOnlyList<GapDto> Top, DateTimeOffset? LastRecalculatedAt);
