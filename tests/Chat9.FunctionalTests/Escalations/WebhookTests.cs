using System.Net;
using System.Text.Json;
using Chat9.Application.Bots.RotateWebhookSecret;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.FunctionalTests.Widget;

namespace Chat9.FunctionalTests.Escalations;

/// <summary>Signed, retried, durable webhook deliveries of ticket events (management-api.md "Webhook").</summary>
[NonParallelizable]
public sealed class WebhookTests(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    private WebhookReceiver _receiver = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        // The receiver lives on loopback, which webhooks may not call by default (SSRF rules).
        ["Network:AllowLoopback"] = "true",
        ["Webhooks:PollSeconds"] = "0.1",
        ["Webhooks:RetrySchedule:0"] = "00:00:00.300",
        ["Webhooks:RetrySchedule:1"] = "00:00:00.300",
        ["Webhooks:TimeoutSeconds"] = "2",
    };

    protected override async Task BeforeServerStartsAsync() => _receiver = await WebhookReceiver.StartAsync();

    [OneTimeTearDown]
    public async Task StopReceiverAsync() => await _receiver.DisposeAsync();

    [Test]
    public async Task A_new_ticket_is_posted_signed_with_the_contract_headers_and_body()
    {
        var (bot, secret, management) = await BotWithWebhookAsync("Webhook bot", "/created");
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
        await EscalateAsync(bot.PublicId, sessionId, new { email = "ana@example.com" });

        var hook = (await _receiver.WaitForAsync(r => r.Any(h => h.Path == "/created"))).Single(h => h.Path == "/created");

        Assert.That(hook.IsSignedWith(secret), Is.True, hook.Header("X-Chat9-Signature"));
        Assert.That(hook.Header("X-Chat9-Event"), Is.EqualTo("ticket.created"));
        Assert.That(hook.Header("User-Agent"), Is.EqualTo("Chat9-Webhook/1.0"));
        Assert.That(hook.Header("Content-Type"), Does.StartWith("application/json"));
        var body = JsonDocument.Parse(hook.Body).RootElement;
        Assert.That(body.GetProperty("id").GetString(), Is.EqualTo(hook.Header("X-Chat9-Delivery")));
        Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("ticket.created"));
        Assert.That(body.GetProperty("bot_id").GetString(), Is.EqualTo(bot.PublicId));
        Assert.That(body.GetProperty("data").GetProperty("ticket_number").GetString(), Is.EqualTo("ESC-0001"));
        Assert.That(body.GetProperty("data").GetProperty("user").GetProperty("email").GetString(), Is.EqualTo("ana@example.com"));
        Assert.That(body.GetProperty("data").TryGetProperty("notifications", out _), Is.False);
        var t = long.Parse(hook.Header("X-Chat9-Signature").Split(',')[0][2..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(DateTimeOffset.FromUnixTimeSeconds(t), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));

        var ticket = await WaitForNotificationAsync(management, "ESC-0001", n => n.GetProperty("status").GetString() == "delivered");
        var notification = ticket.GetProperty("notifications")[0];
        Assert.That(notification.GetProperty("channel").GetString(), Is.EqualTo("webhook"));
        Assert.That(notification.GetProperty("event").GetString(), Is.EqualTo("ticket.created"));
        Assert.That(notification.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
        Assert.That(notification.GetProperty("last_response_status").GetInt32(), Is.EqualTo(200));
        Assert.That(notification.GetProperty("next_attempt_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task A_failing_receiver_is_retried_with_the_same_signed_body_and_the_ticket_is_unaffected()
    {
        var (bot, secret, management) = await BotWithWebhookAsync("Flaky receiver bot", "/flaky");
        _receiver.AnswerNext(500, 503);
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;

        var escalated = await EscalateAsync(bot.PublicId, sessionId, new { });
        var hooks = (await _receiver.WaitForAsync(r => r.Count(h => h.Path == "/flaky") >= 3)).Where(h => h.Path == "/flaky").ToList();

        Assert.That((int)escalated.StatusCode, Is.EqualTo(200), "the visitor never waits for, or fails with, the webhook");
        Assert.That(hooks, Has.Count.EqualTo(3));
        Assert.That(hooks.Select(h => h.Body).Distinct().Count(), Is.EqualTo(1), "every retry sends the same body");
        Assert.That(hooks.Select(h => h.Header("X-Chat9-Delivery")).Distinct().Count(), Is.EqualTo(1), "receivers de-duplicate by delivery id");
        Assert.That(hooks.All(h => h.IsSignedWith(secret)), Is.True);
        Assert.That(hooks[1].ReceivedAt - hooks[0].ReceivedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250)), "retried after the schedule's delay");
        var ticket = await WaitForNotificationAsync(management, "ESC-0001", n => n.GetProperty("status").GetString() == "delivered");
        Assert.That(ticket.GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(ticket.GetProperty("notifications")[0].GetProperty("attempts").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_receiver_that_keeps_failing_ends_failed_after_the_schedule()
    {
        var (bot, _, management) = await BotWithWebhookAsync("Dead receiver bot", "/dead");
        _receiver.AnswerNext(500, 500, 500);
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
        await EscalateAsync(bot.PublicId, sessionId, new { });

        var ticket = await WaitForNotificationAsync(management, "ESC-0001", n => n.GetProperty("status").GetString() == "failed");

        var notification = ticket.GetProperty("notifications")[0];
        Assert.That(notification.GetProperty("attempts").GetInt32(), Is.EqualTo(3), "one attempt more than the two configured delays");
        Assert.That(notification.GetProperty("last_response_status").GetInt32(), Is.EqualTo(500));
        Assert.That(notification.GetProperty("last_error").GetString(), Does.Contain("500"));
        await Task.Delay(800);
        Assert.That(_receiver.Received.Count(h => h.Path == "/dead"), Is.EqualTo(3), "no attempt after failed");
    }

    [Test]
    public async Task A_receiver_that_is_down_never_fails_the_visitor_and_every_attempt_is_recorded()
    {
        var bot = await CreateBotAsync("Receiver down bot");
        using var management = ClientWithKey(bot.ApiKey);
        var nobodyListens = $"http://127.0.0.1:{ServerProcess.FreePort()}/down";
        var patched = await management.PatchAsync("/bot", Json(JsonSerializer.Serialize(new { escalation = new { webhook_url = nobodyListens } })));
        Assert.That((int)patched.StatusCode, Is.EqualTo(200), await patched.Content.ReadAsStringAsync());
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;

        var escalated = await EscalateAsync(bot.PublicId, sessionId, new { email = "ana@example.com" });
        var ticket = await WaitForNotificationAsync(management, "ESC-0001", n => n.GetProperty("status").GetString() == "failed");
        var test = await ReadJsonAsync(await management.PostAsync("/bot/webhook/test", null));

        Assert.That((int)escalated.StatusCode, Is.EqualTo(200), "the visitor never waits for, or fails with, the webhook");
        Assert.That(ticket.GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(ticket.GetProperty("user").GetProperty("email").GetString(), Is.EqualTo("ana@example.com"), ticket.ToString());
        var notification = ticket.GetProperty("notifications")[0];
        Assert.That(notification.GetProperty("attempts").GetInt32(), Is.EqualTo(3));
        Assert.That(notification.GetProperty("last_response_status").ValueKind, Is.EqualTo(JsonValueKind.Null), "no receiver, no status");
        Assert.That(notification.GetProperty("last_error").GetString(), Is.Not.Empty);
        Assert.That(test.GetProperty("delivered").GetBoolean(), Is.False, test.ToString());
        Assert.That(test.GetProperty("status_code").ValueKind, Is.EqualTo(JsonValueKind.Null), test.ToString());
    }

    [Test]
    public async Task Status_changes_send_ticket_updated()
    {
        var (bot, _, management) = await BotWithWebhookAsync("Updates bot", "/updates");
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
        await EscalateAsync(bot.PublicId, sessionId, new { });
        await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"resolved","resolution_text":"Done."}"""));

        var hooks = (await _receiver.WaitForAsync(r => r.Count(h => h.Path == "/updates") >= 2)).Where(h => h.Path == "/updates").ToList();

        Assert.That(hooks.Select(h => h.Header("X-Chat9-Event")), Is.EquivalentTo(new[] { "ticket.created", "ticket.updated" }));
        var updated = JsonDocument.Parse(hooks.Single(h => h.Header("X-Chat9-Event") == "ticket.updated").Body).RootElement;
        Assert.That(updated.GetProperty("data").GetProperty("status").GetString(), Is.EqualTo("resolved"));
        Assert.That(updated.GetProperty("data").GetProperty("resolution_text").GetString(), Is.EqualTo("Done."));
    }

    [Test]
    public async Task During_a_rotation_the_signature_carries_the_new_and_the_old_secret()
    {
        var (bot, oldSecret, management) = await BotWithWebhookAsync("Rotation webhook bot", "/rotation");
        var newSecret = (await SendAsync(new RotateWebhookSecretCommand(bot.PublicId))).WebhookSecret;

        var test = await ReadJsonAsync(await management.PostAsync("/bot/webhook/test", null));
        var ping = (await _receiver.WaitForAsync(r => r.Any(h => h.Path == "/rotation"))).Single(h => h.Path == "/rotation");

        Assert.That(test.GetProperty("delivered").GetBoolean(), Is.True, test.ToString());
        Assert.That(test.GetProperty("status_code").GetInt32(), Is.EqualTo(200));
        Assert.That(ping.Header("X-Chat9-Event"), Is.EqualTo("ping"));
        Assert.That(JsonDocument.Parse(ping.Body).RootElement.GetProperty("data").ToString(), Is.EqualTo("{}"));
        var signatures = ping.Header("X-Chat9-Signature").Split(',').Where(p => p.StartsWith("v1=", StringComparison.Ordinal)).ToList();
        Assert.That(signatures, Has.Count.EqualTo(2));
        Assert.That(ping.IsSignedWith(newSecret) && ping.IsSignedWith(oldSecret), Is.True);
    }

    [Test]
    public async Task The_test_endpoint_reports_a_failing_receiver_and_needs_a_url()
    {
        var (_, _, management) = await BotWithWebhookAsync("Test endpoint bot", "/test-fails");
        _receiver.AnswerNext(502);
        var failed = await ReadJsonAsync(await management.PostAsync("/bot/webhook/test", null));
        var noUrlBot = await CreateBotAsync("No webhook bot");
        using var noUrl = ClientWithKey(noUrlBot.ApiKey);

        Assert.That(failed.GetProperty("delivered").GetBoolean(), Is.False);
        Assert.That(failed.GetProperty("status_code").GetInt32(), Is.EqualTo(502));
        Assert.That(failed.GetProperty("duration_ms").GetInt64(), Is.GreaterThanOrEqualTo(0));
        await ProblemAssert.IsValidationFailureAsync(await noUrl.PostAsync("/bot/webhook/test", null), "escalation.webhook_url");
    }

    [Test]
    public async Task Without_a_webhook_url_no_delivery_is_queued()
    {
        var bot = await CreateBotAsync("Quiet bot");
        using var management = ClientWithKey(bot.ApiKey);
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
        await EscalateAsync(bot.PublicId, sessionId, new { });

        var ticket = await ReadJsonAsync(await management.GetAsync("/escalations/ESC-0001"));

        Assert.That(ticket.GetProperty("notifications").GetArrayLength(), Is.Zero);
    }

    private async Task<(Application.Bots.CreateBot.CreatedBotDto Bot, string Secret, HttpClient Management)> BotWithWebhookAsync(string name, string path)
    {
        var bot = await CreateBotAsync(name);
        var management = ClientWithKey(bot.ApiKey);
        var url = new Uri(_receiver.Url, path).ToString();
        var patched = await management.PatchAsync("/bot", Json(JsonSerializer.Serialize(new { escalation = new { webhook_url = url } })));
        Assert.That((int)patched.StatusCode, Is.EqualTo(200), await patched.Content.ReadAsStringAsync());
        return (bot, bot.WebhookSecret, management);
    }

    private static async Task<JsonElement> WaitForNotificationAsync(HttpClient management, string ticketNumber, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var ticket = JsonDocument.Parse(await management.GetStringAsync($"/escalations/{ticketNumber}")).RootElement.Clone();
            var notifications = ticket.GetProperty("notifications");
            if (notifications.GetArrayLength() > 0 && condition(notifications[0]))
            {
                return ticket;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), ticket.ToString());
            await Task.Delay(100);
        }
    }
}
