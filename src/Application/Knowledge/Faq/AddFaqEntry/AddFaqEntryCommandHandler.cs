using Chat9.Application.Knowledge.Faq.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.AddFaqEntry;

public sealed class AddFaqEntryCommandHandler(IRepository<FaqEntry> entries, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<AddFaqEntryCommand, FaqEntryDto>
{
    public async ValueTask<FaqEntryDto> Handle(AddFaqEntryCommand command, CancellationToken cancellationToken)
    {
        var entry = FaqEntry.AddManual(command.BotId, command.Question!.Trim(), command.Answer!.Trim(), clock.GetUtcNow());
        entries.Add(entry);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return FaqEntryDto.From(entry);
    }
}
