using Chat9.Application.Common.Models;
using Chat9.Domain.Bots;
using Mediator;

namespace Chat9.Application.Bots.ListBots;

/// <summary>Every bot on this server with its size (admin CLI <c>bots list</c>).</summary>
public sealed record ListBotsQuery : IQuery<ItemList<BotSummaryDto>>;

public sealed record BotSummaryDto(
    Guid Id,
    string PublicId,
    string Name,
    BotStatus Status,
    DateTimeOffset CreatedAt,
    int DocumentCount,
    int SessionCount,
    int OpenTicketCount);
