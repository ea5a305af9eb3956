using System.Text;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>One focused test per bug the hostile families found, next to the family that keeps covering it.</summary>
public sealed partial class HostileInputTests
{
    /// <summary>Invalid UTF-8 inside a string was read only when the member was: 500 on session/init, "wrong type" elsewhere.</summary>
    [Test]
    public async Task Invalid_utf8_inside_a_json_string_is_400_invalid_json()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var (path, prefix) in new[] { ("/widget/session/init", "{\"bot_id\":\""), ("/chat", "{\"question\":\"") })
            {
                var request = new HostileRequest("POST", path, [])
                {
                    BodyBytes = [.. Encoding.UTF8.GetBytes(prefix), 0xC0, 0xAF, .. "\"}"u8.ToArray()],
                    ApiKey = path == "/chat" ? A.ApiKey : null,
                };
                ExpectProblem(await SendAsync(request), 400, "invalid_json");
            }
        }
    }

    /// <summary>PATCH of a ticket ignored members it does not know: a priority sent by mistake silently did nothing.</summary>
    [Test]
    public async Task Patching_a_ticket_with_an_unknown_or_read_only_member_is_422_and_changes_nothing()
    {
        var request = new HostileRequest("PATCH", $"/escalations/{A.TicketNumber}", [])
        {
            Body = """{"status":"resolved","resolution_text":"Done","priority":"low","bogus":1}""",
            ApiKey = A.ApiKey,
        };

        var answer = await SendAsync(request);

        ExpectProblem(answer, 422, "validation_failed");
        AssertErrorsName(answer, "priority");
        AssertErrorsName(answer, "bogus");
        using var client = ClientWithKey(A.ApiKey);
        var ticket = await ReadJsonAsync(await client.GetAsync($"/escalations/{A.TicketNumber}"));
        Assert.That(ticket.GetProperty("status").GetString(), Is.Not.EqualTo("resolved"), ticket.ToString());
    }

    /// <summary>Noncharacters (U+FFFE, U+FFFF) made input normalisation throw: a 500 on every chat endpoint.</summary>
    [Test]
    public async Task Noncharacters_in_a_question_are_dropped_like_other_non_text()
    {
        using (Assert.EnterMultipleScope())
        {
            var answer = await SendAsync(new HostileRequest("POST", "/chat", []) { Body = "{\"question\":\"How do I\\uffff print a note?\\ufffe\"}", ApiKey = C.ApiKey });
            Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
            if (answer.Status == 200)
            {
                using var client = ClientWithKey(C.ApiKey);
                var transcript = await ReadJsonAsync(await client.GetAsync($"/chat/sessions/{answer.Json().GetProperty("session_id").GetString()}"));
                Assert.That(transcript.GetProperty("messages")[0].GetProperty("content").GetString(), Is.EqualTo("How do I print a note?"));
            }

            var debug = await SendAsync(new HostileRequest("POST", "/chat/debug", []) { Body = "{\"question\":\"\\uffff\"}", ApiKey = C.ApiKey });
            ExpectProblem(debug, 422, "message_required");
            var widget = await SendAsync(new HostileRequest("POST", "/widget/chat", [("bot_id", C.PublicId)]) { Body = "{\"message\":\"Print?\\uffff\"}" });
            Assert.That(widget.Status, Is.EqualTo(200), widget.Body);
        }
    }

    /// <summary>session/init read its lenient members with GetString, which throws on an escaped unpaired surrogate: a 500.</summary>
    [Test]
    public async Task Unpaired_surrogates_in_session_init_members_are_refused_or_dropped_never_a_500()
    {
        HostileRequest Init(string body) => new("POST", "/widget/session/init", []) { Body = body };
        using (Assert.EnterMultipleScope())
        {
            var botId = await SendAsync(Init("{\"bot_id\":\"ch_\\ud800\"}"));
            ExpectProblem(botId, 422, "validation_failed");
            AssertErrorsName(botId, "bot_id");

            foreach (var member in new[] { "\"identity_token\":\"\\ud800.x\"", "\"locale\":\"de\\udc00\"", "\"user_hints\":{\"email\":\"\\ud800@example.com\",\"name\":\"Ana\"}" })
            {
                var answer = await SendAsync(Init($"{{\"bot_id\":\"{C.PublicId}\",{member}}}"));
                Assert.That(answer.Status, Is.EqualTo(200), $"{member}: {answer.Body}");
                if (answer.Status == 200)
                {
                    var session = await StoredSessionAsync(Guid.Parse(answer.Json().GetProperty("session_id").GetString()!));
                    Assert.That(answer.Json().GetProperty("mode").GetString(), Is.EqualTo("anonymous"));
                    Assert.That(session.Hints?.Email, Is.Null, member);
                }
            }
        }
    }

    /// <summary>A cursor that decodes to JSON other than an object with a numeric <c>o</c> threw while being checked: a 500 on every list.</summary>
    [Test]
    public async Task A_cursor_of_well_formed_json_but_the_wrong_shape_is_422()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var json in new[] { "[]", "\"o\"", "1", "{\"o\":\"1\"}", "{\"o\":[1]}", "{\"o\":null}" })
            {
                var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                var answer = await SendAsync(new HostileRequest("GET", "/documents", [("cursor", cursor)]) { ApiKey = A.ApiKey, Label = $"GET /documents with a cursor of {json}" });
                ExpectProblem(answer, 422, "validation_failed");
                AssertErrorsName(answer, "cursor");
            }
        }
    }

    /// <summary>Skip + limit wrapped around int.MaxValue: an empty page past the end still offered a (negative) next cursor.</summary>
    [Test]
    public async Task A_page_past_the_end_at_int_max_has_no_next_cursor()
    {
        var answer = await SendAsync(new HostileRequest("GET", "/documents", [("offset", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture))]) { ApiKey = A.ApiKey });

        Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
        Assert.That(answer.Json().GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That(answer.Json().GetProperty("next_cursor").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), answer.Body);
    }
    /// <summary>
    /// Uploads: a body that is not well-formed multipart was <c>400 bad_request</c>, a code the contract does not have; two
    /// parts named <c>file</c> stored the first and dropped the second silently; a name over 255 characters lost its
    /// extension when shortened and was then refused as "no extension".
    /// </summary>
    [Test]
    public async Task Uploads_name_broken_framing_refuse_two_files_and_keep_the_extension_of_a_long_name()
    {
        using var client = ClientWithKey(C.ApiKey);
        using (Assert.EnterMultipleScope())
        {
            var broken = new HostileRequest("POST", "/documents", []) { ApiKey = C.ApiKey, ContentType = "multipart/form-data; boundary=x", Body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\n\r\n# A" };
            ExpectProblem(await SendRawAsync(broken, RawBytes(broken)), 400, "invalid_multipart");

            using var two = new MultipartFormDataContent
            {
                { new ByteArrayContent(Encoding.UTF8.GetBytes($"# One {Guid.NewGuid()}")), "file", "one.md" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes($"# Two {Guid.NewGuid()}")), "file", "two.md" },
            };
            var twoAnswer = await SendAsync(new HostileRequest("POST", "/documents", []) { ApiKey = C.ApiKey, Content = two, Label = "two parts named file" });
            ExpectProblem(twoAnswer, 422, "validation_failed");
            AssertErrorsName(twoAnswer, "file");

            using var longName = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"# Long {Guid.NewGuid()}")), "file", new string('n', 300) + ".md" } };
            var longAnswer = await SendAsync(new HostileRequest("POST", "/documents", []) { ApiKey = C.ApiKey, Content = longName, Label = "a 303-character name" });
            Assert.That(longAnswer.Status, Is.EqualTo(202), longAnswer.Body);
            if (longAnswer.Status == 202)
            {
                Assert.That(longAnswer.Json().GetProperty("filename").GetString(), Is.EqualTo(new string('n', 252) + ".md"));
                Assert.That(longAnswer.Json().GetProperty("file_type").GetString(), Is.EqualTo("markdown"));
            }
        }
    }
}
