namespace Chat9.Domain.Tickets;

/// <summary>Priority rules of management-api.md: a user request is high, other triggers medium; pro/enterprise raise one level.</summary>
public static class TicketPriorityRules
{
    public static TicketPriority For(TicketTrigger trigger, string? verifiedPlanTier)
    {
        var priority = trigger == TicketTrigger.UserRequest ? TicketPriority.High : TicketPriority.Medium;
        return IsPremium(verifiedPlanTier) ? Raise(priority) : priority;
    }

    private static bool IsPremium(string? planTier) =>
        string.Equals(planTier, "pro", StringComparison.OrdinalIgnoreCase)
        || string.Equals(planTier, "enterprise", StringComparison.OrdinalIgnoreCase);

    private static TicketPriority Raise(TicketPriority priority) =>
        priority == TicketPriority.Critical ? priority : priority + 1;
}
