using Chat9.Application.Gaps.Common;
using Mediator;

namespace Chat9.Application.Gaps.GetGap;

/// <summary><c>GET /gap-analyzer/{id}</c>: one gap of the bot.</summary>
public sealed record GetGapQuery(Guid BotId, Guid GapId) : IQuery<GapDto>;
