using Chat9.Application.Common.Interfaces;
using Chat9.Application.Documents.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Sources;
using Chat9.Domain.Sources.Specifications;
using Mediator;

namespace Chat9.Application.Documents.DeleteDocument;

public sealed class DeleteDocumentCommandHandler(
    IRepository<Document> documents,
    IRepository<UrlSource> sources,
    IUrlPatterns patterns,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<DeleteDocumentCommand>
{
    public async ValueTask<Unit> Handle(DeleteDocumentCommand command, CancellationToken cancellationToken)
    {
        var document = await documents.GetOfBotAsync(command.BotId, command.DocumentId, cancellationToken, withChunks: true);
        if (document is { SourceId: { } sourceId, SourceUrl: { } url }
            && await sources.FirstOrDefaultAsync(new UrlSourceOfBotSpec(command.BotId, sourceId), cancellationToken) is { } source)
        {
            // A deleted page stays deleted: later crawls skip it, as with the source's own page endpoint.
            var now = clock.GetUtcNow();
            source.ExcludePage(patterns.Normalize(url) ?? url, now);
            source.UpdatePageCount(Math.Max(0, source.PageCount - 1), now);
        }

        document.MarkRemoved();
        documents.Remove(document);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
