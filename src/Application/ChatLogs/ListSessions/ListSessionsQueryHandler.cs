using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using Chat9.Domain.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.ChatLogs.ListSessions;

public sealed class ListSessionsQueryHandler(IChatLogQueries chatLogs, IOptions<LimitsOptions> limits)
    : IQueryHandler<ListSessionsQuery, PagedList<SessionSummary>>
{
    private const int LastQuestionMaxChars = 200;

    public async ValueTask<PagedList<SessionSummary>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var take = query.Page.Take(limits.Value.DefaultPageSize);
        var (items, total) = await chatLogs.ListSessionsAsync(query.BotId, query.Filter, query.Page.Skip, take, cancellationToken);
        return new PagedList<SessionSummary>(
            [.. items.Select(s => s with { LastQuestion = s.LastQuestion is null ? null : Text.Truncate(s.LastQuestion, LastQuestionMaxChars) })],
            total,
            query.Page.NextCursor(limits.Value.DefaultPageSize, total));
    }
}
