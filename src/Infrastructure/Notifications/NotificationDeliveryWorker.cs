using Chat9.Application.Common.Options;
using Chat9.Application.Notifications.DeliverDueNotifications;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.Notifications;

/// <summary>Sends due webhook deliveries in the background; the database rows are the queue, so nothing is lost on restart.</summary>
public sealed class NotificationDeliveryWorker(
    IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<NotificationDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var attempted = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                attempted = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeliverDueNotificationsCommand(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database hiccup must not stop deliveries for good: try again on the next tick.
                logger.LogError(ex, "Webhook delivery pass failed.");
            }

            if (attempted == 0)
            {
                await Task.Delay(poll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
