using Chat9.Application.Common.Json;
using Chat9.Application.Escalations.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Tickets;
using Mediator;

namespace Chat9.Application.Escalations.UpdateEscalation;

public sealed class UpdateEscalationCommandHandler(IRepository<Ticket> tickets, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<UpdateEscalationCommand, TicketDto>
{
    public async ValueTask<TicketDto> Handle(UpdateEscalationCommand command, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetByNumberAsync(command.BotId, command.TicketNumber, readOnly: false, cancellationToken);
        ticket.ChangeStatus(WireNames.Parse<TicketStatus>(command.Status), command.ResolutionText?.Trim(), clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return TicketDto.From(ticket);
    }
}
