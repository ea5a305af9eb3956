using Chat9.Application.Knowledge.Faq.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.RejectFaqEntry;

public sealed class RejectFaqEntryCommandHandler(IRepository<FaqEntry> entries, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RejectFaqEntryCommand>
{
    public async ValueTask<Unit> Handle(RejectFaqEntryCommand command, CancellationToken cancellationToken)
    {
        var entry = await entries.GetEntryAsync(command.BotId, command.Id, cancellationToken);
        entry.Reject(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
