using Chat9.Application.Jobs.ClaimNextBotJob;
using Mediator;

namespace Chat9.Application.Jobs.RunBotJob;

/// <summary>Runs a claimed job and records how it ended.</summary>
public sealed record RunBotJobCommand(ClaimedBotJob Job, string WorkerId) : ICommand<Domain.Jobs.BotJobStatus?>;
