using Mediator;

namespace Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

/// <summary>Suggests new FAQ candidates from the bot's documents and chat logs, at most the per-run limit (run by the job worker).</summary>
public sealed record GenerateFaqCandidatesCommand(Guid BotId) : ICommand;
