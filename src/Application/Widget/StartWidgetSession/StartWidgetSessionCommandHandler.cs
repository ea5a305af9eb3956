using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Widget.Common.Identity;
using Chat9.Application.Widget.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sessions.Specifications;
using Chat9.Domain.Sessions;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Widget.StartWidgetSession;

public sealed class StartWidgetSessionCommandHandler(
    WidgetBots widgetBots,
    IRepository<Session> sessions,
    IUnitOfWork unitOfWork,
    ISecretProtector secrets,
    TimeProvider clock,
    IOptions<LimitsOptions> options,
    ILogger<StartWidgetSessionCommandHandler> logger)
    : ICommandHandler<StartWidgetSessionCommand, WidgetSessionDto>
{
    public async ValueTask<WidgetSessionDto> Handle(StartWidgetSessionCommand command, CancellationToken cancellationToken)
    {
        var bot = await widgetBots.ResolveAsync(command.PublicBotId, command.Origin, cancellationToken);
        var limits = options.Value;
        var rules = IdentityTokenRules.From(limits);
        var now = clock.GetUtcNow();

        var hints = UserHintsReader.Read(command.UserHints, rules, out var dropped);
        if (dropped.Count > 0)
        {
            logger.LogInformation("Dropped user hints of a {BotPublicId} session: {Members}", bot.PublicId, string.Join(", ", dropped));
        }

        var locale = LocaleTags.IsWellFormed(command.Locale, rules.LocaleMaxChars) ? command.Locale : null;
        var user = command.IdentityToken is null ? null : Verify(bot, command.IdentityToken, rules, now);
        if (user is not null)
        {
            var since = now - TimeSpan.FromDays(limits.ResumeWindowDays);
            if (await sessions.FirstOrDefaultAsync(new LatestOpenSessionOfUserSpec(bot.Id, user.UserId, since), cancellationToken) is { } latest)
            {
                latest.Resume(user, hints, locale, now);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return new WidgetSessionDto(latest.Id, "identified", Resumed: true);
            }
        }

        var session = Session.Start(bot.Id, SessionChannel.Widget, user, hints, now, locale);
        sessions.Add(session);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new WidgetSessionDto(session.Id, user is null ? "anonymous" : "identified", Resumed: false);
    }

    /// <summary>The verified user, or null; the reason of a failure is logged (never the token), and never fails the request.</summary>
    private SessionUser? Verify(Bot bot, string token, IdentityTokenRules rules, DateTimeOffset now)
    {
        var verification = IdentityTokenVerifier.Verify(token, secrets.UnprotectValid(bot.IdentitySecret, now), now, rules);
        if (verification.User is { } user)
        {
            return user;
        }

        logger.LogInformation("Identity token for bot {BotPublicId} rejected: {Reason}", bot.PublicId, verification.Failure?.ToReasonCode());
        return null;
    }
}
