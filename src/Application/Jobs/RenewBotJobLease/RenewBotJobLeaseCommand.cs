using Mediator;

namespace Chat9.Application.Jobs.RenewBotJobLease;

/// <summary>The heartbeat of a running job. False when the worker no longer holds it.</summary>
public sealed record RenewBotJobLeaseCommand(Guid JobId, string WorkerId) : ICommand<bool>;
