namespace Chat9.Application.Chat.Pipeline.Privacy;

/// <summary>The kinds of personal data the redactor finds (pipeline.md "PII redaction").</summary>
internal enum PiiKind
{
    Email,
    Phone,
    Card,
    Iban,
}

internal static class PiiKindNames
{
    /// <summary>The key of <see cref="PiiRedactor.Counts"/> (stored with the message).</summary>
    public static string CountKey(this PiiKind kind) => kind switch
    {
        PiiKind.Email => "email",
        PiiKind.Phone => "phone",
        PiiKind.Card => "card",
        _ => "iban",
    };

    /// <summary>The label inside a placeholder: <c>[EMAIL_1]</c>.</summary>
    public static string PlaceholderLabel(this PiiKind kind) => kind switch
    {
        PiiKind.Email => "EMAIL",
        PiiKind.Phone => "PHONE",
        PiiKind.Card => "CARD",
        _ => "IBAN",
    };
}
