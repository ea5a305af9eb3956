using Mediator;

namespace Chat9.Application.Knowledge.Faq.DeleteFaqEntry;

/// <summary><c>DELETE /knowledge/faq/{id}</c>: removes the entry; it no longer answers.</summary>
public sealed record DeleteFaqEntryCommand(Guid BotId, Guid Id) : ICommand;
