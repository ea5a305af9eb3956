using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Json;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Mediator;

namespace Chat9.Application.ChatLogs.RateMessage;

public sealed class RateMessageCommandHandler(IRepository<Session> sessions, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RateMessageCommand, MessageFeedbackDto>
{
    public async ValueTask<MessageFeedbackDto> Handle(RateMessageCommand command, CancellationToken cancellationToken)
    {
        var session = await sessions.FirstOrDefaultAsync(new SessionWithMessageSpec(command.BotId, command.MessageId), cancellationToken)
            ?? throw new NotFoundException("not_found", "No message with this id.");
        var now = clock.GetUtcNow();
        var message = session.RateMessage(command.MessageId, WireNames.Parse<MessageFeedback>(command.Feedback), command.IdealAnswer, now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new MessageFeedbackDto(message.Id, message.Feedback, message.IdealAnswer, now);
    }
}
