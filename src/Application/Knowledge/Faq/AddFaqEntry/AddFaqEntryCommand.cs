using Chat9.Application.Knowledge.Faq.Common;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.AddFaqEntry;

/// <summary><c>POST /knowledge/faq</c>: an operator's own entry, approved at once (<c>source: manual</c>).</summary>
public sealed record AddFaqEntryCommand(Guid BotId, string? Question, string? Answer) : ICommand<FaqEntryDto>, IFaqText;
