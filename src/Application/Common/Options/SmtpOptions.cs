namespace Chat9.Application.Common.Options;

/// <summary>SMTP for ticket e-mails (configuration section <c>Smtp</c>, admin.md). Nothing is sent while <see cref="Host"/> is unset.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    public bool UseStartTls { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
