namespace Chat9.Application.Common.Interfaces;

/// <summary>Sends one plain-text e-mail to a bot's support inbox through the configured SMTP server.</summary>
public interface ISupportMailer
{
    Task<MailAttempt> SendAsync(SupportMail mail, CancellationToken cancellationToken);
}

/// <param name="ReplyTo">The visitor's address when known, so support can answer with "Reply".</param>
public sealed record SupportMail(string To, string? ReplyTo, string Subject, string Body);

/// <param name="Error">Why it failed (the server's answer or the connection problem), without credentials.</param>
public sealed record MailAttempt(bool Delivered, int? StatusCode, string? Error);
