using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Chat9.Application.Common.Behaviours;

/// <summary>
/// Logs which use case ran and how long it took. Only the message type is logged, never its members:
/// messages carry secrets and visitor text that must not reach log sinks.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > SlowThreshold)
        {
            logger.LogInformation("Slow use case {UseCase}: {ElapsedMs:F0} ms", typeof(TMessage).Name, elapsed.TotalMilliseconds);
        }
        else
        {
            logger.LogDebug("Handled {UseCase} in {ElapsedMs:F1} ms", typeof(TMessage).Name, elapsed.TotalMilliseconds);
        }

        return response;
    }
}
