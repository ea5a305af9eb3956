using Chat9.Application.Notifications.Common;

namespace Chat9.Application.UnitTests.Notifications;

public sealed class WebhookSignatureTests
{
    private const string Body =
        """{"id":"0196a0c4-7d2e-7b41-9a0e-3f5c2d1e8b77","type":"ticket.created","created_at":"2026-05-04T12:07:00.000Z","bot_id":"ch_7k2m9q4x8w3n5p6r","data":{"ticket_number":"ESC-0007","status":"open","priority":"critical","trigger":"user_request"}}""";

    private static readonly DateTimeOffset T = DateTimeOffset.FromUnixTimeSeconds(1777896420);

    [Test]
    public void Reproduces_the_example_of_the_contract()
    {
        var header = WebhookSignature.Header(T, Body, ["b4e1d7a2c9f05e3b8a6d1c4f7e2a9b0d3c6f8e1a4b7d0c2e5f9a3b6d8c1e4f7a"]);

        Assert.That(header, Is.EqualTo("t=1777896420,v1=2e0d9c4bce90b1e39b65e16e5374c7f46718c5eb6d7bf029c4abcb5a18eb677b"));
    }

    [Test]
    public void During_a_rotation_the_new_signature_comes_first_and_the_old_one_second()
    {
        var header = WebhookSignature.Header(T, Body, ["new-secret", "b4e1d7a2c9f05e3b8a6d1c4f7e2a9b0d3c6f8e1a4b7d0c2e5f9a3b6d8c1e4f7a"]);

        var parts = header.Split(',');
        Assert.That(parts, Has.Length.EqualTo(3));
        Assert.That(parts[2], Is.EqualTo("v1=2e0d9c4bce90b1e39b65e16e5374c7f46718c5eb6d7bf029c4abcb5a18eb677b"));
        Assert.That(parts[1], Is.Not.EqualTo(parts[2]));
    }
}
