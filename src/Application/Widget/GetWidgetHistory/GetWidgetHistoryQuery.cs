using Mediator;

namespace Chat9.Application.Widget.GetWidgetHistory;

/// <summary><c>GET /widget/history</c>: a session's last messages, for example after a page reload. Works on ended sessions.</summary>
/// <param name="SessionId">The <c>session_id</c> as sent; checked after the bot (widget-api.md "Order of checks").</param>
/// <param name="Origin">The request's <c>Origin</c> header; null when absent.</param>
public sealed record GetWidgetHistoryQuery(string PublicBotId, string? SessionId, string? Origin) : IQuery<WidgetHistoryDto>;
