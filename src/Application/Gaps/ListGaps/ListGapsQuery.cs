using Chat9.Application.Common.Models;
using Chat9.Application.Gaps.Common;
using Chat9.Domain.Gaps;
using Mediator;

namespace Chat9.Application.Gaps.ListGaps;

/// <summary><c>GET /gap-analyzer</c>: the bot's gaps, largest first. <see cref="Status"/> null means all statuses.</summary>
public sealed record ListGapsQuery(Guid BotId, PageRequest Page, GapStatus? Status, GapMode? Mode) : IQuery<PagedList<GapDto>>;
