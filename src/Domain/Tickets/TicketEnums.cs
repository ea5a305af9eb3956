namespace Chat9.Domain.Tickets;

public enum TicketStatus
{
    Open,
    InProgress,
    Resolved,
}

public enum TicketPriority
{
    Low,
    Medium,
    High,
    Critical,
}

public enum TicketTrigger
{
    UserRequest,
    AnswerRejected,
    LowConfidence,
    NoDocuments,
}
