namespace Chat9.Domain.Sessions;

/// <summary>A URL-backed citation of an answer.</summary>
public sealed record SourceReference(string Title, string Url);
