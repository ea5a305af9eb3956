using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Models;
using Chat9.Domain.Sessions;
using Mediator;

namespace Chat9.Application.ChatLogs.ListSessions;

/// <summary><c>GET /chat/sessions</c>: the bot's conversations, most recently active first, filtered.</summary>
public sealed record ListSessionsQuery(Guid BotId, PageRequest Page, SessionFilter Filter) : IQuery<PagedList<SessionListItemDto>>;

/// <param name="LastQuestion">The latest visitor message, at most 200 characters (cut with "…").</param>
/// <param name="UserId">The identified user, or null.</param>
public sealed record SessionListItemDto(
    Guid SessionId,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivity,
    int MessageCount,
    string? LastQuestion,
    string? UserId,
    string? TicketNumber,
    SessionMode Mode,
    SessionChannel Channel,
    bool ChatEnded);
