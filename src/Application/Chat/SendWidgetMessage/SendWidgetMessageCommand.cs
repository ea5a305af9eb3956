using Chat9.Application.Chat.Common;
using Mediator;

namespace Chat9.Application.Chat.SendWidgetMessage;

/// <summary>
/// <c>POST /widget/chat</c>: one visitor message for the bot with public id <see cref="PublicBotId"/>, answered as a
/// stream. An empty message asks for the greeting (no session yet, or a session with no messages).
/// </summary>
/// <param name="SessionId">The <c>session_id</c> as sent; checked after the bot (widget-api.md "Order of checks").</param>
/// <param name="Origin">The request's <c>Origin</c> header, checked against the bot's <c>allowed_domains</c>; null when absent.</param>
public sealed record SendWidgetMessageCommand(string PublicBotId, string? SessionId, string? Message, string? Origin, string? LanguageHint)
    : IStreamCommand<ChatEvent>;
