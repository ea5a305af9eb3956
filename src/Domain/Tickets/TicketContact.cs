namespace Chat9.Domain.Tickets;

/// <summary>Who support should answer. <see cref="UserId"/> and <see cref="PlanTier"/> come only from a verified token.</summary>
public sealed record TicketContact(string? UserId, string? Email, string? Name, string? PlanTier, bool Verified)
{
    public static readonly TicketContact Unknown = new(null, null, null, null, false);
}

/// <summary>One line of the conversation copied onto the ticket when it opened.</summary>
public sealed record TranscriptLine(string Role, string Content, DateTimeOffset CreatedAt);
