using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.ChatLogs.ListBadAnswers;

public sealed class ListBadAnswersQueryHandler(IChatLogQueries chatLogs, IOptions<LimitsOptions> limits)
    : IQueryHandler<ListBadAnswersQuery, PagedList<BadAnswer>>
{
    public async ValueTask<PagedList<BadAnswer>> Handle(ListBadAnswersQuery query, CancellationToken cancellationToken)
    {
        var take = query.Page.Take(limits.Value.DefaultPageSize);
        var (items, total) = await chatLogs.ListBadAnswersAsync(query.BotId, query.Page.Skip, take, cancellationToken);
        return new PagedList<BadAnswer>(items, total, query.Page.NextCursor(limits.Value.DefaultPageSize, total));
    }
}
