using System.Text;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.FunctionalTests.Widget;
using MimeKit;

namespace Chat9.FunctionalTests.Escalations;

/// <summary>Ticket e-mails to the bot's support inbox through SMTP (management-api.md "E-mail"), against a sink started by the test.</summary>
[NonParallelizable]
public sealed class TicketEmailTests(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    private readonly SmtpSink _sink = SmtpSink.Start();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = _sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:UseStartTls"] = "false",
        ["Smtp:From"] = "chat9@notify.test",
        ["Webhooks:PollSeconds"] = "0.1",
        ["Webhooks:RetrySchedule:0"] = "00:00:00.300",
        ["Webhooks:RetrySchedule:1"] = "00:00:00.300",
    };

    [OneTimeTearDown]
    public async Task StopSinkAsync() => await _sink.DisposeAsync();

    [Test]
    [Order(1)]
    public async Task A_new_ticket_mails_the_support_inbox_with_the_contract_subject_and_the_conversation()
    {
        var bot = await BotWithInboxAsync("Mail bot", "support@acme.test");
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        var sessionId = (await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, "u_3", email: "ana@example.com", name: "Ana Lima", planTier: "pro")))
            .GetProperty("session_id").GetString()!;
        await WidgetChatAsync(bot.PublicId, "My export to PDF keeps failing with a timeout after ten minutes of waiting, what can I do?", Guid.Parse(sessionId));
        await EscalateAsync(bot.PublicId, sessionId, new { user_note = "Urgent: board meeting tomorrow" });

        var message = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes((await _sink.WaitForAsync(1))[0])));

        Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("support@acme.test"));
        Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("chat9@notify.test"));
        Assert.That(message.ReplyTo.Mailboxes.Single().Address, Is.EqualTo("ana@example.com"));
        Assert.That(message.Subject, Is.EqualTo("[Chat9 · CRITICAL] ESC-0001: My export to PDF keeps failing with a timeout after ten minutes of waiting, wha…"));
        Assert.That(message.TextBody, Does.Contain("Urgent: board meeting tomorrow"));
        Assert.That(message.TextBody, Does.Contain("Visitor: My export to PDF keeps failing"));
        Assert.That(message.TextBody, Does.Contain("verified user u_3, plan pro"));
        using var management = ClientWithKey(bot.ApiKey);
        var ticket = await WaitForEmailStatusAsync(management, "ESC-0001", "delivered");
        Assert.That(ticket.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    [Order(2)]
    public async Task A_mail_server_that_refuses_is_retried_and_the_ticket_is_unaffected()
    {
        var bot = await BotWithInboxAsync("Busy mail bot", "help@acme.test");
        var before = _sink.Messages.Count;
        _sink.RefuseNext(2);
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;

        var escalated = await EscalateAsync(bot.PublicId, sessionId, new { email = "visitor@example.com" });
        await _sink.WaitForAsync(before + 1);

        Assert.That((int)escalated.StatusCode, Is.EqualTo(200));
        Assert.That(_sink.RefusedCount, Is.GreaterThanOrEqualTo(2));
        using var management = ClientWithKey(bot.ApiKey);
        var notification = await WaitForEmailStatusAsync(management, "ESC-0001", "delivered");
        Assert.That(notification.GetProperty("attempts").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    [Order(3)]
    public async Task Without_a_support_inbox_no_mail_is_queued()
    {
        var bot = await CreateBotAsync("No inbox bot");
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
        await EscalateAsync(bot.PublicId, sessionId, new { });
        using var management = ClientWithKey(bot.ApiKey);

        var ticket = await ReadJsonAsync(await management.GetAsync("/escalations/ESC-0001"));

        Assert.That(ticket.GetProperty("notifications").GetArrayLength(), Is.Zero);
    }

    private async Task<Application.Bots.CreateBot.CreatedBotDto> BotWithInboxAsync(string name, string inbox)
    {
        var bot = await CreateBotAsync(name);
        using var management = ClientWithKey(bot.ApiKey);
        var patched = await management.PatchAsync("/bot", Json(JsonSerializer.Serialize(new { escalation = new { support_email = inbox } })));
        Assert.That((int)patched.StatusCode, Is.EqualTo(200), await patched.Content.ReadAsStringAsync());
        return bot;
    }

    private static async Task<JsonElement> WaitForEmailStatusAsync(HttpClient management, string ticketNumber, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var ticket = JsonDocument.Parse(await management.GetStringAsync($"/escalations/{ticketNumber}")).RootElement.Clone();
            var email = ticket.GetProperty("notifications").EnumerateArray().FirstOrDefault(n => n.GetProperty("channel").GetString() == "email");
            if (email.ValueKind == JsonValueKind.Object && email.GetProperty("status").GetString() == status)
            {
                return email;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), ticket.ToString());
            await Task.Delay(100);
        }
    }
}
