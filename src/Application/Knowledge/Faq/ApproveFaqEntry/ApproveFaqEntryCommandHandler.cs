using Chat9.Application.Knowledge.Faq.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.ApproveFaqEntry;

public sealed class ApproveFaqEntryCommandHandler(IRepository<FaqEntry> entries, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ApproveFaqEntryCommand, FaqEntryDto>
{
    public async ValueTask<FaqEntryDto> Handle(ApproveFaqEntryCommand command, CancellationToken cancellationToken)
    {
        var entry = await entries.GetEntryAsync(command.BotId, command.Id, cancellationToken);
        entry.Approve(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return FaqEntryDto.From(entry);
    }
}
