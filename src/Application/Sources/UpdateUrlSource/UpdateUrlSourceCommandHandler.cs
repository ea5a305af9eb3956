using Chat9.Application.Common.Interfaces;
using Chat9.Application.Sources.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Sources;
using Mediator;

namespace Chat9.Application.Sources.UpdateUrlSource;

public sealed class UpdateUrlSourceCommandHandler(
    IRepository<UrlSource> sources,
    IRepository<Document> documents,
    IUrlPatterns patterns,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<UpdateUrlSourceCommand, UrlSourceDto>
{
    public async ValueTask<UrlSourceDto> Handle(UpdateUrlSourceCommand command, CancellationToken cancellationToken)
    {
        var source = await sources.GetOfBotAsync(command.BotId, command.SourceId, cancellationToken);
        var now = clock.GetUtcNow();
        if (command.Name.IsSet)
        {
            source.Rename(command.Name.Value!, now);
        }

        if (command.Schedule.IsSet)
        {
            source.ChangeSchedule(command.Schedule.Value!.Value, now);
        }

        if (command.Exclusions.IsSet)
        {
            source.ChangeExclusions(command.Exclusions.Value!, now);
        }

        if (command.MaxPages.IsSet)
        {
            source.ChangeMaxPages(command.MaxPages.Value!.Value, now);
        }

        if (command.ExcludedPages.IsSet)
        {
            source.ChangeExcludedPages(command.ExcludedPages.Value!.Select(u => patterns.Normalize(u) ?? u), now);
        }

        if (command.Exclusions.IsSet || command.ExcludedPages.IsSet)
        {
            await RemoveNewlyExcludedPagesAsync(source, now, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return UrlSourceDto.From(source);
    }

    /// <summary>Pages the changed rules now exclude leave at once (other changes cannot exclude a page).</summary>
    private async Task RemoveNewlyExcludedPagesAsync(UrlSource source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pages = await documents.PagesAsync(source.BotId, source.Id, cancellationToken);
        var removed = 0;
        foreach (var page in pages.Where(p => p.SourceUrl is { } url
            && (patterns.IsExcluded(url, source.Exclusions) || source.ExcludedPages.Contains(patterns.Normalize(url) ?? url))))
        {
            page.MarkRemoved();
            documents.Remove(page);
            removed++;
        }

        if (removed > 0)
        {
            source.UpdatePageCount(pages.Count - removed, now);
        }
    }
}
