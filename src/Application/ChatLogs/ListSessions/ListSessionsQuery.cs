using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Models;
using Mediator;

namespace Chat9.Application.ChatLogs.ListSessions;

/// <summary><c>GET /chat/sessions</c>: the bot's conversations, most recently active first, filtered.</summary>
public sealed record ListSessionsQuery(Guid BotId, PageRequest Page, SessionFilter Filter) : IQuery<PagedList<SessionSummary>>;
