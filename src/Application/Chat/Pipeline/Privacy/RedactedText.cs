namespace Chat9.Application.Chat.Pipeline.Privacy;

/// <summary>A text after PII redaction: what may leave the server, and how many findings were replaced in it.</summary>
public sealed record RedactedText(string Text, int Redactions);
