using Chat9.Application.Chat.Common;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Options;
using Chat9.Application.Widget.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Widget.GetWidgetHistory;

public sealed class GetWidgetHistoryQueryHandler(WidgetBots widgetBots, IReadRepository<Session> sessions, IOptions<LimitsOptions> limits)
    : IQueryHandler<GetWidgetHistoryQuery, WidgetHistoryDto>
{
    public async ValueTask<WidgetHistoryDto> Handle(GetWidgetHistoryQuery query, CancellationToken cancellationToken)
    {
        var bot = await widgetBots.ResolveAsync(query.PublicBotId, query.Origin, cancellationToken);
        var sessionId = SessionIds.ParseRequired(query.SessionId);
        var session = await sessions.FirstOrDefaultAsync(new SessionOfBotWithMessagesSpec(bot.Id, sessionId), cancellationToken)
            ?? throw new ConflictException("session_not_found", "No session with this id exists for this bot.");
        var messages = session.Messages
            .OrderBy(m => m.CreatedAt)
            .ThenBy(m => m.Id)
            .TakeLast(limits.Value.WidgetHistoryMaxMessages)
            .Select(WidgetMessageDto.From)
            .ToList();
        return new WidgetHistoryDto(session.Id, messages, session.ChatEnded, session.TicketNumber);
    }
}
