using Chat9.Application.Knowledge.Faq.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.DeleteFaqEntry;

public sealed class DeleteFaqEntryCommandHandler(IRepository<FaqEntry> entries, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteFaqEntryCommand>
{
    public async ValueTask<Unit> Handle(DeleteFaqEntryCommand command, CancellationToken cancellationToken)
    {
        entries.Remove(await entries.GetEntryAsync(command.BotId, command.Id, cancellationToken));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
