namespace Chat9.Domain.Documents;

public enum DocumentStatus
{
    Queued,
    Processing,
    Ready,
    Error,
}

public enum DocumentFileType
{
    Pdf,
    Markdown,
    Text,
    Docx,
    Html,
    Openapi,
    WebPage,
}
