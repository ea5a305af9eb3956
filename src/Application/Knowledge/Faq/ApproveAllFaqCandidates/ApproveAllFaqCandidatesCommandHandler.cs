using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Chat9.Domain.Faq.Specifications;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.ApproveAllFaqCandidates;

public sealed class ApproveAllFaqCandidatesCommandHandler(IRepository<FaqEntry> entries, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ApproveAllFaqCandidatesCommand, ApprovedCountDto>
{
    public async ValueTask<ApprovedCountDto> Handle(ApproveAllFaqCandidatesCommand command, CancellationToken cancellationToken)
    {
        var candidates = await entries.ListAsync(new FaqCandidatesSpec(command.BotId, command.Source), cancellationToken);
        var now = clock.GetUtcNow();
        candidates.ForEach(c => c.Approve(now));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new ApprovedCountDto(candidates.Count);
    }
}
