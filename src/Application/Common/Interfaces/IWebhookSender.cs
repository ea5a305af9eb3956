namespace Chat9.Application.Common.Interfaces;

/// <summary>POSTs one signed webhook event (management-api.md "Webhook") to an operator-chosen URL, SSRF rules applied.</summary>
public interface IWebhookSender
{
    /// <param name="signature">The <c>X-Chat9-Signature</c> header value.</param>
    Task<WebhookAttempt> SendAsync(Uri url, string body, string eventType, Guid deliveryId, string signature, CancellationToken cancellationToken);
}

/// <param name="Delivered">A 2xx within the timeout.</param>
/// <param name="StatusCode">The receiver's status, when it answered.</param>
/// <param name="Error">Why it failed, for the delivery record (no secrets).</param>
public sealed record WebhookAttempt(bool Delivered, int? StatusCode, string? Error, TimeSpan Duration);

/// <summary>Claims a due delivery for one attempt, so that several workers (or instances) never send it twice at once.</summary>
public interface IDeliveryClaims
{
    /// <summary>Moves the delivery's due time to <paramref name="claimedUntil"/> if it is still <paramref name="due"/>; false when another worker won.</summary>
    Task<bool> TryClaimAsync(Guid deliveryId, DateTimeOffset due, DateTimeOffset claimedUntil, CancellationToken cancellationToken);
}
