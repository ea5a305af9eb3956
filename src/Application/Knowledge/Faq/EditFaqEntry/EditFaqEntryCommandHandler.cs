using Chat9.Application.Knowledge.Faq.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.EditFaqEntry;

public sealed class EditFaqEntryCommandHandler(IRepository<FaqEntry> entries, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<EditFaqEntryCommand, FaqEntryDto>
{
    public async ValueTask<FaqEntryDto> Handle(EditFaqEntryCommand command, CancellationToken cancellationToken)
    {
        var entry = await entries.GetEntryAsync(command.BotId, command.Id, cancellationToken);
        entry.Edit(command.Question!.Trim(), command.Answer!.Trim(), clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return FaqEntryDto.From(entry);
    }
}
