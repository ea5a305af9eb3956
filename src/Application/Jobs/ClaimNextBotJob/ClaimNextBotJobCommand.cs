using Chat9.Domain.Jobs;
using Mediator;

namespace Chat9.Application.Jobs.ClaimNextBotJob;

/// <summary>
/// Takes the longest-due job (queued and due, or running under an expired lease) for <see cref="WorkerId"/>. Returns
/// <c>null</c> when there is nothing to do or another worker won the race.
/// </summary>
public sealed record ClaimNextBotJobCommand(string WorkerId) : ICommand<ClaimedBotJob?>;

public sealed record ClaimedBotJob(Guid JobId, Guid BotId, BotJobKind Kind);
