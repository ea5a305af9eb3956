using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Sources.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Chat9.Domain.Sources;
using Mediator;

namespace Chat9.Application.Sources.RemoveSourcePage;

public sealed class RemoveSourcePageCommandHandler(
    IRepository<UrlSource> sources,
    IRepository<Document> documents,
    IUrlPatterns patterns,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<RemoveSourcePageCommand>
{
    public async ValueTask<Unit> Handle(RemoveSourcePageCommand command, CancellationToken cancellationToken)
    {
        var source = await sources.GetOfBotAsync(command.BotId, command.SourceId, cancellationToken);
        var page = await documents.FirstOrDefaultAsync(new DocumentOfBotSpec(command.BotId, command.DocumentId), cancellationToken);
        if (page is null || page.SourceId != source.Id)
        {
            throw new NotFoundException("not_found", "This source has no page with this document id.");
        }

        var now = clock.GetUtcNow();
        source.ExcludePage(patterns.Normalize(page.SourceUrl!) ?? page.SourceUrl!, now);
        source.UpdatePageCount(Math.Max(0, source.PageCount - 1), now);
        page.MarkRemoved();
        documents.Remove(page);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
