namespace Chat9.Domain.Faq;

public enum FaqStatus
{
    Candidate,
    Approved,

    /// <summary>Rejected candidates are kept (hidden) so the same pair is never suggested again.</summary>
    Rejected,
}

public enum FaqSource
{
    Docs,
    Logs,
    Manual,
}
