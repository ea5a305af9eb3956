using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Chat9.Application.Common.Behaviours;

/// <summary>Logs unexpected failures with the use case name, then rethrows. Expected failures (the application's own exceptions) are not errors.</summary>
public sealed class UnhandledExceptionBehaviour<TMessage, TResponse>(ILogger<UnhandledExceptionBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not (Chat9Exception or DomainException or OperationCanceledException))
        {
            logger.LogError(ex, "Unhandled exception in {UseCase}", typeof(TMessage).Name);
            throw;
        }
    }
}
