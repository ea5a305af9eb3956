using Chat9.Application.Knowledge.Faq.Common;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.ApproveFaqEntry;

/// <summary><c>POST /knowledge/faq/{id}/approve</c>: from now on the entry answers close questions directly.</summary>
public sealed record ApproveFaqEntryCommand(Guid BotId, Guid Id) : ICommand<FaqEntryDto>;
