using Chat9.Application.Knowledge.Faq.Common;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.EditFaqEntry;

/// <summary><c>PUT /knowledge/faq/{id}</c>: new question and answer; the status stays.</summary>
public sealed record EditFaqEntryCommand(Guid BotId, Guid Id, string? Question, string? Answer) : ICommand<FaqEntryDto>, IFaqText;
