using Mediator;

namespace Chat9.Application.Gaps.RecalculateGaps;

/// <summary>Rebuilds the bot's gaps from the signals of the window and resolves the gaps the docs now answer (run by the job worker).</summary>
public sealed record RecalculateGapsCommand(Guid BotId) : ICommand;
