using Chat9.Application.Sources.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Sources;
using Mediator;

namespace Chat9.Application.Sources.DeleteUrlSource;

public sealed class DeleteUrlSourceCommandHandler(IRepository<UrlSource> sources, IRepository<Document> documents, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteUrlSourceCommand>
{
    public async ValueTask<Unit> Handle(DeleteUrlSourceCommand command, CancellationToken cancellationToken)
    {
        var source = await sources.GetOfBotAsync(command.BotId, command.SourceId, cancellationToken);
        foreach (var page in await documents.PagesAsync(command.BotId, source.Id, cancellationToken))
        {
            page.MarkRemoved();
            documents.Remove(page);
        }

        sources.Remove(source);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
