using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Sessions.Specifications;

public sealed class SessionsOfBotSpec : Specification<Session>
{
    public SessionsOfBotSpec(Guid botId) => Where(s => s.BotId == botId);
}
