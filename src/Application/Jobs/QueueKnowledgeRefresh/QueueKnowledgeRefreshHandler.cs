using Chat9.Application.Common.Options;
using Chat9.Application.Jobs.Common;
using Chat9.Domain.Documents.Events;
using Chat9.Domain.Jobs;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Jobs.QueueKnowledgeRefresh;

/// <summary>
/// The bot's documents changed: the profile is extracted again and FAQ candidates are suggested from the documents a
/// little later (<c>Jobs:KnowledgeRefreshDelaySeconds</c>), so a batch of uploads or a crawl leads to one run. The jobs
/// are queued in the same transaction as the change.
/// </summary>
public sealed class QueueKnowledgeRefreshHandler(BotJobQueue queue, IOptions<JobOptions> options)
    : INotificationHandler<DocumentReady>, INotificationHandler<DocumentRemoved>
{
    public ValueTask Handle(DocumentReady notification, CancellationToken cancellationToken) => QueueAsync(notification.BotId, cancellationToken);

    public ValueTask Handle(DocumentRemoved notification, CancellationToken cancellationToken) => QueueAsync(notification.BotId, cancellationToken);

    private async ValueTask QueueAsync(Guid botId, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(options.Value.KnowledgeRefreshDelaySeconds);
        await queue.EnqueueAsync(botId, BotJobKind.ProfileExtraction, delay, joinRunning: false, cancellationToken);
        await queue.EnqueueAsync(botId, BotJobKind.FaqGeneration, delay, joinRunning: false, cancellationToken);
    }
}
