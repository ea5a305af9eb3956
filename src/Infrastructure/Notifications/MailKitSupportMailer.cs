using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chat9.Infrastructure.Notifications;

/// <summary>Ticket e-mails over SMTP with MailKit (one connection per message: tickets are rare). Failures are reported, never thrown.</summary>
public sealed class MailKitSupportMailer(IOptions<SmtpOptions> options) : ISupportMailer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<MailAttempt> SendAsync(SupportMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return new MailAttempt(false, null, "SMTP is not configured (Smtp:Host).");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From ?? $"chat9@{smtp.Host}"));
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (mail.ReplyTo is { } replyTo)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, timeout.Token);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return new MailAttempt(true, 250, null);
        }
        catch (SmtpCommandException ex)
        {
            return new MailAttempt(false, (int)ex.StatusCode, $"The SMTP server refused: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
            or System.Net.Sockets.SocketException or IOException or SslHandshakeException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new MailAttempt(false, null, "SMTP failed: " + ex.Message);
        }
    }
}
