using Mediator;

namespace Chat9.Application.Jobs.FailTimedOutBotJob;

/// <summary>The job ran past the time limit: it is failed with <see cref="Error"/> (if the worker still holds it).</summary>
public sealed record FailTimedOutBotJobCommand(Guid JobId, string WorkerId, string Error) : ICommand;
