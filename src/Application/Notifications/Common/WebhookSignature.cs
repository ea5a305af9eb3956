using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chat9.Application.Notifications.Common;

/// <summary>
/// <c>X-Chat9-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, the hex being HMAC-SHA256 with key UTF-8(webhook secret) over
/// UTF-8("&lt;t&gt;.&lt;raw body&gt;"). During a secret rotation's grace period a second <c>v1=</c> with the old secret follows.
/// </summary>
public static class WebhookSignature
{
    /// <param name="secrets">Plaintext secrets, the current one first.</param>
    public static string Header(DateTimeOffset now, string body, IReadOnlyList<string> secrets)
    {
        var t = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = Encoding.UTF8.GetBytes(t + "." + body);
        var signatures = secrets.Select(secret => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message)));
        return $"t={t}," + string.Join(",", signatures);
    }
}
