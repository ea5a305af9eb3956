using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Documents.Common;
using Chat9.Application.Sources.Common;
using Chat9.Domain.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Chat9.Domain.Sources;
using Chat9.Domain.Sources.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Sources.CreateUrlSource;

public sealed class CreateUrlSourceCommandHandler(
    IRepository<UrlSource> sources,
    IReadRepository<Document> documents,
    IOutboundUrlGuard guard,
    ICrawlSignal crawls,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<LimitsOptions> limits) : ICommandHandler<CreateUrlSourceCommand, UrlSourceDto>
{
    public async ValueTask<UrlSourceDto> Handle(CreateUrlSourceCommand command, CancellationToken cancellationToken)
    {
        var raw = command.Url!.Trim();
        if (Text.CountChars(raw) > limits.Value.UrlMaxChars || !Text.IsHttpUrl(raw, out var url))
        {
            throw new UnprocessableException("invalid_url", "The URL must be an absolute http or https URL without user info.");
        }

        if (await guard.CheckAsync(url!.AbsoluteUri, cancellationToken) is { } rejection)
        {
            throw new UnprocessableException(rejection.Code, rejection.Message);
        }

        if (await sources.FirstOrDefaultAsync(new UrlSourceOfBotForHostSpec(command.BotId, UrlSource.HostKey(url)), cancellationToken) is { } existing)
        {
            throw new ConflictException("source_exists", "This bot already has a source for this host.")
            {
                Extensions = new Dictionary<string, object?> { ["existing_source_id"] = existing.Id },
            };
        }

        await documents.EnsureRoomAsync(command.BotId, limits.Value.MaxKnowledgeItems, cancellationToken);

        var source = UrlSource.Create(
            command.BotId, url, command.Name, command.Schedule ?? CrawlSchedule.Weekly,
            command.Exclusions ?? [], command.MaxPages ?? limits.Value.CrawlDefaultMaxPages, clock.GetUtcNow());
        sources.Add(source);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        crawls.WorkQueued();
        return UrlSourceDto.From(source);
    }
}
