using Chat9.Application.Bots.Common;
using Chat9.Application.Escalations.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.Escalations.EscalateSession;

public sealed class EscalateSessionCommandHandler(IReadRepository<Bot> bots, SessionEscalator escalator)
    : ICommandHandler<EscalateSessionCommand, EscalationDto>
{
    public async ValueTask<EscalationDto> Handle(EscalateSessionCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByIdAsync(command.BotId, cancellationToken);
        var request = new EscalationRequest(EscalationTriggers.Parse(command.Trigger), command.UserNote, command.Email, command.LanguageHint);
        return await escalator.EscalateAsync(bot, command.SessionId, request, cancellationToken);
    }
}
