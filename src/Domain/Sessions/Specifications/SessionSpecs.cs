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

/// <summary>A session of a bot with its messages, tracked for changes (a turn or an escalation writes to it).</summary>
public sealed class SessionWithMessagesForUpdateSpec : Specification<Session>
{
    public SessionWithMessagesForUpdateSpec(Guid botId, Guid sessionId)
    {
        Where(s => s.BotId == botId && s.Id == sessionId);
        Include(s => s.Messages);
    }
}

public sealed class SessionOfBotSpec : Specification<Session>
{
    public SessionOfBotSpec(Guid botId, Guid sessionId)
    {
        Where(s => s.BotId == botId && s.Id == sessionId);
        NoTracking();
    }
}

/// <summary>Matches the session only while nothing has been said in it (the greeting turn is still possible).</summary>
public sealed class SessionWithoutMessagesSpec : Specification<Session>
{
    public SessionWithoutMessagesSpec(Guid sessionId) => Where(s => s.Id == sessionId && !s.Messages.Any());
}

/// <summary>
/// The identified user's most recent open session of a bot that was active since <paramref name="activeSince"/>
/// (identity.md "Resume"), tracked because resuming refreshes it.
/// </summary>
public sealed class LatestOpenSessionOfUserSpec : Specification<Session>
{
    public LatestOpenSessionOfUserSpec(Guid botId, string userId, DateTimeOffset activeSince)
    {
        Where(s => s.BotId == botId && s.User!.UserId == userId && !s.ChatEnded && s.LastActivityAt >= activeSince);
        OrderByDescending(s => s.LastActivityAt);
    }
}

/// <summary>The session of a bot holding <paramref name="messageId"/>, with its messages, tracked (feedback writes to it).</summary>
public sealed class SessionWithMessageSpec : Specification<Session>
{
    public SessionWithMessageSpec(Guid botId, Guid messageId)
    {
        Where(s => s.BotId == botId && s.Messages.Any(m => m.Id == messageId));
        Include(s => s.Messages);
    }
}
