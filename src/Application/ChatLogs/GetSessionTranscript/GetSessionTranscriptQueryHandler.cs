using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Mediator;

namespace Chat9.Application.ChatLogs.GetSessionTranscript;

public sealed class GetSessionTranscriptQueryHandler(IReadRepository<Session> sessions) : IQueryHandler<GetSessionTranscriptQuery, SessionTranscriptDto>
{
    public async ValueTask<SessionTranscriptDto> Handle(GetSessionTranscriptQuery query, CancellationToken cancellationToken)
    {
        var session = await sessions.FirstOrDefaultAsync(new SessionOfBotWithMessagesSpec(query.BotId, query.SessionId), cancellationToken)
            ?? throw new NotFoundException("not_found", "No session with this id.");
        var user = session.User is { } u ? new TranscriptUserDto(u.UserId, u.Email, u.Name, u.PlanTier, Verified: true) : null;
        return new SessionTranscriptDto(
            session.Id,
            session.Mode,
            session.Channel,
            user,
            session.Hints,
            session.Language,
            session.StartedAt,
            session.LastActivityAt,
            session.ChatEnded,
            session.EndedAt,
            session.TicketNumber,
            [.. session.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(TranscriptMessageDto.From)]);
    }
}
