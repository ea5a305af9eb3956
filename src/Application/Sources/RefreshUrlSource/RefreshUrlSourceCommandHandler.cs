using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Sources.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sources;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Sources.RefreshUrlSource;

public sealed class RefreshUrlSourceCommandHandler(
    IRepository<UrlSource> sources,
    ICrawlSignal crawls,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<LimitsOptions> limits) : ICommandHandler<RefreshUrlSourceCommand, RefreshAcceptedDto>
{
    public async ValueTask<RefreshAcceptedDto> Handle(RefreshUrlSourceCommand command, CancellationToken cancellationToken)
    {
        var source = await sources.GetOfBotAsync(command.BotId, command.SourceId, cancellationToken);
        var runId = source.RequestRefresh(clock.GetUtcNow(), TimeSpan.FromMinutes(limits.Value.SourceRefreshCooldownMinutes));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        crawls.WorkQueued();
        return new RefreshAcceptedDto(runId);
    }
}
