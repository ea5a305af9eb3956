using System.Text.Json;
using Mediator;

namespace Chat9.Application.Widget.StartWidgetSession;

/// <summary>
/// <c>POST /widget/session/init</c>: a new session, or — for a visitor with a valid identity token — that user's most
/// recent open session of the bot (identity.md "Resume"). Nothing but the bot can fail: a bad token makes the session
/// anonymous, bad hints are dropped.
/// </summary>
/// <param name="Origin">The request's <c>Origin</c> header; null when absent.</param>
/// <param name="IdentityToken">The token as sent (null when none; a member of the wrong type arrives as an empty, invalid token).</param>
/// <param name="UserHints">The <c>user_hints</c> member as sent, read leniently.</param>
/// <param name="Locale">The browser's locale as sent; an invalid value is ignored.</param>
public sealed record StartWidgetSessionCommand(
    string PublicBotId,
    string? Origin,
    string? IdentityToken,
    JsonElement? UserHints,
    string? Locale) : ICommand<WidgetSessionDto>;

/// <param name="Mode"><c>identified</c> when the identity token verified, else <c>anonymous</c>.</param>
/// <param name="Resumed">An existing open session of the same identified user was returned.</param>
public sealed record WidgetSessionDto(Guid SessionId, string Mode, bool Resumed);
