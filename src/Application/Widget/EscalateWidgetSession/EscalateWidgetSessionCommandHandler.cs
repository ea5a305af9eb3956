using Chat9.Application.Chat.Common;
using Chat9.Application.Escalations.Common;
using Chat9.Application.Widget.Common;
using Mediator;

namespace Chat9.Application.Widget.EscalateWidgetSession;

public sealed class EscalateWidgetSessionCommandHandler(WidgetBots widgetBots, SessionEscalator escalator)
    : ICommandHandler<EscalateWidgetSessionCommand, EscalationDto>
{
    public async ValueTask<EscalationDto> Handle(EscalateWidgetSessionCommand command, CancellationToken cancellationToken)
    {
        var bot = await widgetBots.ResolveAsync(command.PublicBotId, command.Origin, cancellationToken);
        var sessionId = SessionIds.ParseRequired(command.SessionId);
        var request = new EscalationRequest(EscalationTriggers.Parse(command.Trigger), command.UserNote, command.Email, command.LanguageHint);
        return await escalator.EscalateAsync(bot, sessionId, request, cancellationToken);
    }
}
