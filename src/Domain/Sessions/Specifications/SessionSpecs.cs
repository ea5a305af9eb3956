using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Sessions.Specifications;

public sealed class SessionsOfBotSpec : Specification<Session>
{
    public SessionsOfBotSpec(Guid botId) => Where(s => s.BotId == botId);
}

public sealed class SessionOfBotWithMessagesSpec : Specification<Session>
{
    public SessionOfBotWithMessagesSpec(Guid botId, Guid sessionId)
    {
        Where(s => s.BotId == botId && s.Id == sessionId);
        Include(s => s.Messages);
        NoTracking();
    }
}
