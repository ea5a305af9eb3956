using Chat9.Application.Common.Options;
using Chat9.Application.Knowledge.Faq.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Chat9.Domain.Faq.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Knowledge.Faq.ListFaqEntries;

public sealed class ListFaqEntriesQueryHandler(IReadRepository<FaqEntry> entries, IOptions<LimitsOptions> limits)
    : IQueryHandler<ListFaqEntriesQuery, FaqPageDto>
{
    public async ValueTask<FaqPageDto> Handle(ListFaqEntriesQuery query, CancellationToken cancellationToken)
    {
        var take = query.Page.Take(limits.Value.DefaultPageSize);
        var spec = new FaqListSpec(query.BotId, query.Status, query.Source, query.Page.Skip, take);
        var items = await entries.ListAsync(spec, cancellationToken);
        var total = await entries.CountAsync(spec, cancellationToken);
        var candidates = await entries.CountAsync(new FaqCandidatesSpec(query.BotId, source: null), cancellationToken);
        return new FaqPageDto([.. items.Select(FaqEntryDto.From)], total, query.Page.NextCursor(limits.Value.DefaultPageSize, total), candidates);
    }
}
