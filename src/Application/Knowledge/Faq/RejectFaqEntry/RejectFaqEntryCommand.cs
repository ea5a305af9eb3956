using Mediator;

namespace Chat9.Application.Knowledge.Faq.RejectFaqEntry;

/// <summary><c>POST /knowledge/faq/{id}/reject</c>: the candidate disappears and is never suggested again (<c>409 invalid_transition</c> for an approved entry).</summary>
public sealed record RejectFaqEntryCommand(Guid BotId, Guid Id) : ICommand;
