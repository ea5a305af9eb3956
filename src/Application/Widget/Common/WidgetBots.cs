using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;

namespace Chat9.Application.Widget.Common;

/// <summary>
/// The shared checks of every widget endpoint after the body (widget-api.md "Order of checks"): the bot exists
/// (<c>404 bot_not_found</c>, whatever the string), is active (<c>403 bot_inactive</c>), and the browser's origin is in
/// its <c>allowed_domains</c> (<c>403 origin_not_allowed</c>; no <c>Origin</c> header is not checked).
/// </summary>
public sealed class WidgetBots(IReadRepository<Bot> bots)
{
    public async Task<Bot> ResolveAsync(string? publicId, string? origin, CancellationToken cancellationToken)
    {
        var bot = string.IsNullOrEmpty(publicId) || publicId.Length > 64
            ? null
            : await bots.FirstOrDefaultAsync(new BotByPublicIdSpec(publicId), cancellationToken);
        if (bot is null)
        {
            throw new NotFoundException("bot_not_found", "No bot has this public id.");
        }

        if (!bot.IsActive)
        {
            throw new ForbiddenException("bot_inactive", "This bot is disabled.");
        }

        if (origin is not null && !IsAllowed(bot, origin))
        {
            throw new ForbiddenException("origin_not_allowed", "This site is not allowed to use this bot.");
        }

        return bot;
    }

    /// <summary><c>Origin: null</c> is allowed only when the list is empty; otherwise the origin's host must match.</summary>
    public static bool IsAllowed(Bot bot, string origin)
    {
        if (bot.AllowedDomains.Count == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && bot.AllowsOriginHost(uri.Host);
    }
}
