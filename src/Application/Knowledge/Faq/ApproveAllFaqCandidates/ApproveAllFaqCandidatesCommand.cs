using Chat9.Domain.Faq;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.ApproveAllFaqCandidates;

/// <summary><c>POST /knowledge/faq/approve-all</c>: approves every candidate (of one source, when given).</summary>
public sealed record ApproveAllFaqCandidatesCommand(Guid BotId, FaqSource? Source) : ICommand<ApprovedCountDto>;

public sealed record ApprovedCountDto(int ApprovedCount);
