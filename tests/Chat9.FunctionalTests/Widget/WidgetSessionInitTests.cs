using System.Net;
using System.Text.Json;
using Chat9.Domain.Sessions;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Microsoft.Extensions.Logging;

namespace Chat9.FunctionalTests.Widget;

/// <summary><c>POST /widget/session/init</c> (widget-api.md) and identified sessions (identity.md) over real HTTP.</summary>
public sealed class WidgetSessionInitTests(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    [Test]
    public async Task A_new_session_is_anonymous_stored_at_once_and_usable_by_history()
    {
        var bot = await CreateBotAsync("Init bot");

        var body = await InitOkAsync(bot.PublicId);

        Assert.That(body.GetProperty("mode").GetString(), Is.EqualTo("anonymous"));
        Assert.That(body.GetProperty("resumed").GetBoolean(), Is.False);
        var sessionId = body.GetProperty("session_id").GetString()!;
        Assert.That(Guid.TryParseExact(sessionId, "D", out _), Is.True, sessionId);
        var history = await HistoryAsync(bot.PublicId, sessionId);
        var transcript = await ReadJsonAsync(history);
        Assert.That((int)history.StatusCode, Is.EqualTo(200), transcript.ToString());
        Assert.That(transcript.GetProperty("messages").GetArrayLength(), Is.Zero);
        Assert.That((await StoredSessionAsync(Guid.Parse(sessionId))).Channel, Is.EqualTo(SessionChannel.Widget));
    }

    [Test]
    public async Task Bot_id_must_be_a_present_string()
    {
        await ProblemAssert.IsValidationFailureAsync(await InitAsync(new { }), "bot_id");
        await ProblemAssert.IsValidationFailureAsync(await InitAsync(new { bot_id = 42 }), "bot_id");
        await ProblemAssert.IsValidationFailureAsync(await InitAsync(new { bot_id = (string?)null }), "bot_id");
    }

    [Test]
    public async Task The_shared_errors_come_in_the_contract_order()
    {
        var response = await Client.PostAsync("/widget/session/init", Json("{\"bot_id\": "));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json");

        response = await Client.PostAsync("/widget/session/init", new StringContent("{\"bot_id\":\"ch_x\"}", System.Text.Encoding.UTF8, "text/plain"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        await ProblemAssert.IsProblemAsync(await InitAsync(new { bot_id = "ch_doesnotexist" }), HttpStatusCode.NotFound, "bot_not_found");
        await ProblemAssert.IsProblemAsync(await InitAsync(new { bot_id = "not-even-prefixed" }), HttpStatusCode.NotFound, "bot_not_found");

        var disabled = await CreateBotAsync("Disabled init bot");
        Assert.That((await RunCliAsync("bots", "disable", disabled.PublicId)).ExitCode, Is.Zero);
        await ProblemAssert.IsProblemAsync(await InitAsync(new { bot_id = disabled.PublicId }, origin: "https://evil.example"), HttpStatusCode.Forbidden, "bot_inactive");

        var guarded = await CreateBotAsync("Guarded init bot", "shop.example");
        await ProblemAssert.IsProblemAsync(await InitAsync(new { bot_id = guarded.PublicId }, origin: "https://evil.example"), HttpStatusCode.Forbidden, "origin_not_allowed");
        Assert.That((int)(await InitAsync(new { bot_id = guarded.PublicId }, origin: "https://shop.example")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Bad_hints_and_wrongly_typed_members_are_dropped_never_an_error()
    {
        var bot = await CreateBotAsync("Hints bot");

        var notAnObject = await InitAsync(new { bot_id = bot.PublicId, user_hints = "Ana", identity_token = 7, locale = 12 });
        Assert.That((int)notAnObject.StatusCode, Is.EqualTo(200), await notAnObject.Content.ReadAsStringAsync());

        var body = await InitOkAsync(bot.PublicId, userHints: new
        {
            user_id = new string('u', 129),
            email = "not-an-address",
            name = 5,
            plan_tier = "pro",
            locale = "de-DE",
        }, locale: "not a locale!");
        Assert.That(body.GetProperty("mode").GetString(), Is.EqualTo("anonymous"));
        var session = await StoredSessionAsync(Guid.Parse(body.GetProperty("session_id").GetString()!));
        Assert.That(session.Hints, Is.EqualTo(new UserHints(null, null, null, "pro", "de-DE")));
        Assert.That(session.RequestLocale, Is.Null, "an invalid locale is ignored");
        Assert.That(Factory.Logs.Entries.Any(e => e.Message.Contains("Dropped user hints") && e.Message.Contains("email") && e.Message.Contains("user_id")), Is.True);
    }

    [Test]
    public async Task The_greeting_turn_speaks_the_language_of_the_hints_and_uses_the_hinted_name()
    {
        var bot = await CreateBotAsync("Greeting bot");
        var body = await InitOkAsync(bot.PublicId, userHints: new { name = "Ana", locale = "de-DE" });

        var (response, stream) = await WidgetChatAsync(bot.PublicId, string.Empty, Guid.Parse(body.GetProperty("session_id").GetString()!));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Body);
        Assert.That(stream!.Done.GetProperty("text").GetString(), Does.StartWith("Hallo Ana!"));
    }

    [Test]
    public async Task A_valid_token_makes_the_session_identified_and_stores_the_claims()
    {
        var bot = await CreateBotAsync("Identity bot");
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        var token = IdentityTokens.For(secret, "u_1042", email: "ana@example.com", name: "Ana Lima", planTier: "pro", locale: "pt-BR");

        var body = await InitOkAsync(bot.PublicId, token, userHints: new { name = "Someone else", email = "hint@example.com" });

        Assert.That(body.GetProperty("mode").GetString(), Is.EqualTo("identified"));
        var session = await StoredSessionAsync(Guid.Parse(body.GetProperty("session_id").GetString()!));
        Assert.That(session.Mode, Is.EqualTo(SessionMode.Identified));
        Assert.That(session.User, Is.EqualTo(new SessionUser("u_1042", "ana@example.com", "Ana Lima", "pro", "pt-BR")));
        Assert.That(Factory.Logs.Entries.Any(e => e.Message.Contains(token)), Is.False, "the token is never logged");
    }

    [Test]
    public async Task The_identified_user_resumes_the_latest_open_session_on_any_device()
    {
        var bot = await CreateBotAsync("Resume bot");
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        var first = await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, "u_7", name: "Old name"));
        var firstId = first.GetProperty("session_id").GetString()!;

        var again = await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, "u_7", name: "New name"));
        var other = await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, "u_8"));
        var hintedOnly = await InitOkAsync(bot.PublicId, userHints: new { user_id = "u_7" });

        Assert.That(again.GetProperty("session_id").GetString(), Is.EqualTo(firstId));
        Assert.That(again.GetProperty("resumed").GetBoolean(), Is.True);
        Assert.That((await StoredSessionAsync(Guid.Parse(firstId))).User!.Name, Is.EqualTo("New name"), "the newer token's claims are stored");
        Assert.That(other.GetProperty("session_id").GetString(), Is.Not.EqualTo(firstId));
        Assert.That(other.GetProperty("resumed").GetBoolean(), Is.False);
        Assert.That(hintedOnly.GetProperty("session_id").GetString(), Is.Not.EqualTo(firstId), "hints never resume a session");
        Assert.That(hintedOnly.GetProperty("mode").GetString(), Is.EqualTo("anonymous"));
    }

    [Test]
    public async Task An_ended_session_is_never_resumed()
    {
        var bot = await CreateBotAsync("Ended resume bot");
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        var first = (await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, "u_9"))).GetProperty("session_id").GetString()!;
        var escalated = await EscalateAsync(bot.PublicId, first, new { });
        Assert.That((int)escalated.StatusCode, Is.EqualTo(200), await escalated.Content.ReadAsStringAsync());

        var next = await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, "u_9"));

        Assert.That(next.GetProperty("session_id").GetString(), Is.Not.EqualTo(first));
        Assert.That(next.GetProperty("resumed").GetBoolean(), Is.False);
        Assert.That(next.GetProperty("mode").GetString(), Is.EqualTo("identified"));
    }

    private static IEnumerable<TestCaseData> BadTokens()
    {
        // Each case: how to spoil a good token, and the reason the server must log.
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => good[..^1] + (good[^1] == '0' ? '1' : '0')), "bad_signature").SetName("Forged signature");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) =>
            IdentityTokens.Segment(new { user_id = "admin", exp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 300 }) + good[good.IndexOf('.')..]), "bad_signature").SetName("Forged payload");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => IdentityTokens.For(new string('0', 64), "u_1")), "bad_signature").SetName("Wrong secret");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => good[..^2]), "malformed").SetName("Truncated signature");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => good + "=="), "malformed").SetName("Padded signature");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => good[..(good.IndexOf('.') - 3)] + good[good.IndexOf('.')..]), "bad_signature").SetName("Truncated segment");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => good.Replace(".", "..")), "malformed").SetName("Two dots");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => new string('a', 4097)), "malformed").SetName("Longer than 4096");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => IdentityTokens.For(secret, "u_1", iatOffsetSeconds: -1000, expOffsetSeconds: -61)), "expired").SetName("Expired beyond the skew");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => IdentityTokens.For(secret, "u_1", iatOffsetSeconds: 120, expOffsetSeconds: 400)), "not_yet_valid").SetName("Issued in the future");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => IdentityTokens.For(secret, "u_1", iatOffsetSeconds: null, expOffsetSeconds: 2 * 86400)), "lifetime_too_long").SetName("Lifetime over 24 h");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => IdentityTokens.Sign(secret, new { user_id = 5, exp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60 })), "invalid_claims").SetName("user_id of the wrong type");
        yield return new TestCaseData((Func<string, string, string>)((secret, good) => IdentityTokens.Sign(secret, new[] { 1, 2 })), "malformed").SetName("Payload not an object");
    }

    [TestCaseSource(nameof(BadTokens))]
    public async Task An_unverifiable_token_gives_an_anonymous_session_and_a_logged_reason(Func<string, string, string> spoil, string reason)
    {
        var bot = await CreateBotAsync("Bad token bot");
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        var token = spoil(secret, IdentityTokens.For(secret, "u_1"));

        var body = await InitOkAsync(bot.PublicId, token);

        Assert.That(body.GetProperty("mode").GetString(), Is.EqualTo("anonymous"));
        Assert.That((await StoredSessionAsync(Guid.Parse(body.GetProperty("session_id").GetString()!))).User, Is.Null);
        var line = Factory.Logs.Entries.Where(e => e.Message.Contains($"bot {bot.PublicId} rejected")).Select(e => e).ToList();
        Assert.That(line, Has.Count.EqualTo(1));
        Assert.That(line[0].Level, Is.EqualTo(LogLevel.Information));
        Assert.That(line[0].Message, Does.EndWith(reason));
        Assert.That(line[0].Message, Does.Not.Contain(token));
    }

    [Test]
    public async Task A_bot_without_an_identity_secret_treats_every_token_as_invalid()
    {
        var bot = await CreateBotAsync("No secret bot");

        var body = await InitOkAsync(bot.PublicId, IdentityTokens.For(new string('1', 64), "u_1"));

        Assert.That(body.GetProperty("mode").GetString(), Is.EqualTo("anonymous"));
        Assert.That(Factory.Logs.Entries.Any(e => e.Message.Contains($"bot {bot.PublicId} rejected: no_secret")), Is.True);
    }

    [Test]
    public async Task A_padded_standard_base64_segment_verifies_with_its_own_signature()
    {
        var bot = await CreateBotAsync("Padded bot");
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        // 3 + 1 bytes of JSON more than a multiple of 3 force padding; '>' and '?' force '+' and '/' in standard Base64.
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["user_id"] = "u_>>>???", ["exp"] = now + 300, ["iat"] = now, ["x"] = "y" });
        var segment = Convert.ToBase64String(json);
        if (!segment.EndsWith('='))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["user_id"] = "u_>>>???", ["exp"] = now + 300, ["iat"] = now, ["x"] = "yy" });
            segment = Convert.ToBase64String(json);
        }

        Assert.That(segment, Does.EndWith("="));
        var body = await InitOkAsync(bot.PublicId, IdentityTokens.SignSegment(secret, segment));

        Assert.That(body.GetProperty("mode").GetString(), Is.EqualTo("identified"));
    }

    [Test]
    public async Task After_a_rotation_the_previous_secret_still_verifies_during_its_grace_hour()
    {
        var bot = await CreateBotAsync("Rotation bot");
        var older = await RotateIdentitySecretAsync(bot.PublicId);
        var current = await RotateIdentitySecretAsync(bot.PublicId);
        var newest = await RotateIdentitySecretAsync(bot.PublicId);

        Assert.That((await InitOkAsync(bot.PublicId, IdentityTokens.For(newest, "u_1"))).GetProperty("mode").GetString(), Is.EqualTo("identified"));
        Assert.That((await InitOkAsync(bot.PublicId, IdentityTokens.For(current, "u_2"))).GetProperty("mode").GetString(), Is.EqualTo("identified"), "the previous secret is in its grace period");
        Assert.That((await InitOkAsync(bot.PublicId, IdentityTokens.For(older, "u_3"))).GetProperty("mode").GetString(), Is.EqualTo("anonymous"), "only one previous secret is kept");
    }
}
