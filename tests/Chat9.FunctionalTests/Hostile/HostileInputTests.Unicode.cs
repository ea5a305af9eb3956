using System.Text;
using System.Text.Json;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>
/// Unicode edge cases (direction overrides, invisible characters, unpaired surrogates, NUL, stacked marks) in every
/// string member, query value and path id. They may be legitimate text, so a success is fine; a failure must be a 4xx.
/// Sent as the scratch bot C, since accepted values change things.
/// </summary>
public sealed partial class HostileInputTests
{
    [Test]
    public async Task Unicode_edge_cases_in_every_string_member_are_accepted_or_refused_cleanly()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.HasJsonBody))
            {
                var baseline = Baseline(route, C, safe: true);
                foreach (var field in Flatten(route.Fields).Where(f => f.Kind is FieldKind.Text or FieldKind.Any || f.ElementKind == FieldKind.Text))
                {
                    var path = field.ElementKind == FieldKind.Text ? field.Path + "[0]" : field.Path;
                    foreach (var (name, value) in HostileValues.Unicode)
                    {
                        var answer = await SendAsync(baseline with
                        {
                            Body = HostileValues.WithMember(baseline.Body!, path, HostileValues.JsonLiteral(value)),
                            Label = $"{route} with {name} in {path}",
                        });
                        ExpectSuccessOrRejected(answer);
                        if (route.LenientBody && path != "bot_id")
                        {
                            Assert.That(answer.Status, Is.EqualTo(200), $"session/init drops what it cannot use: {answer.Label}");
                        }
                    }
                }

                foreach (var (name, value) in HostileValues.Unicode)
                {
                    var answer = await SendAsync(baseline with
                    {
                        Body = baseline.Body![..^1] + $",{HostileValues.JsonLiteral("x" + value)}:1}}",
                        Label = $"{route} with {name} in a member name",
                    });
                    ExpectSuccessOrRejected(answer);
                }
            }
        }
    }

    [Test]
    public async Task Unicode_edge_cases_in_query_values_and_path_ids_are_accepted_or_refused_cleanly()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes)
            {
                var baseline = Baseline(route, C, safe: true);
                foreach (var (name, value) in HostileValues.Unicode)
                {
                    foreach (var (parameter, kind) in route.Query)
                    {
                        var answer = await SendAsync(baseline with
                        {
                            RawQuery = string.Join("&", baseline.WithQuery(parameter, value).Query.Select(q => $"{q.Name}={HostileValues.PercentEncode(q.Value)}")),
                            Label = $"{route} with {name} in ?{parameter}",
                        });
                        ExpectQueryValueAnswer(kind, parameter, answer);
                    }

                    foreach (var (parameter, kind) in route.PathIds)
                    {
                        var ids = route.PathIds.ToDictionary(p => p.Key, p => p.Key == parameter ? HostileValues.PercentEncode(value) : Uri.EscapeDataString(C.Id(p.Value)));
                        var nul = value.Contains('\0', StringComparison.Ordinal);
                        var answer = await SendAsync(baseline with
                        {
                            Path = FillPath(route.Pattern, ids, escape: false),
                            TransportRejectionAllowed = nul,
                            Label = $"{route} with {name} as {parameter}",
                        });
                        if (nul)
                        {
                            ExpectTransportRejection(answer, 400); // Kestrel refuses %00 in a path before routing.
                            continue;
                        }

                        ExpectUnknownIdAnswer(kind, answer);
                    }
                }
            }
        }
    }

    /// <summary>Odd but legitimate text is answered and stored as the pipeline normalises it (NFC; controls, format characters and noncharacters dropped; trimmed).</summary>
    [Test]
    public async Task Questions_with_odd_but_valid_unicode_are_answered_and_stored_normalised()
    {
        var questions = new (string Sent, string Stored)[]
        {
            ("How do I \u202Eprint\u202C a note?", "How do I print a note?"),
            ("How\u200B do\u200D I print\uFEFF a note?", "How do I print a note?"),
            ("Print a note at the cafe\u0301 ", "Print a note at the caf\u00E9"),
            ("Can I print \U0001F600\U0001D54F notes?", "Can I print \U0001F600\U0001D54F notes?"),
            ("Print\u0000 a note?\u0007", "Print a note?"),
            ("\u00A0מדפסת print a note? مرحبا\u3000", "מדפסת print a note? مرحبا"),
            ("Print\uFFFF a note\uFFFE?", "Print a note?"),
        };
        using var client = ClientWithKey(C.ApiKey);
        using (Assert.EnterMultipleScope())
        {
            foreach (var (question, stored) in questions)
            {
                var answer = await SendAsync(new HostileRequest("POST", "/chat", []) { Body = $"{{\"question\":{HostileValues.JsonLiteral(question)}}}", ApiKey = C.ApiKey, Label = $"POST /chat {HostileValues.JsonLiteral(question)}" });
                Assert.That(answer.Status, Is.EqualTo(200), answer.Label + answer.Body);
                if (answer.Status != 200)
                {
                    continue;
                }

                var sessionId = answer.Json().GetProperty("session_id").GetString();
                var transcript = await ReadJsonAsync(await client.GetAsync($"/chat/sessions/{sessionId}"));
                Assert.That(transcript.GetProperty("messages")[0].GetProperty("content").GetString(), Is.EqualTo(stored), answer.Label);
            }
        }
    }

    /// <summary>The 1,000-character limit counts code points: 1,000 astral characters (2,000 UTF-16 units) pass, 1,001 do not.</summary>
    [Test]
    public async Task The_message_limit_counts_code_points_not_utf16_units()
    {
        var thousand = string.Concat(Enumerable.Repeat("\U0001F600", 1000));
        using (Assert.EnterMultipleScope())
        {
            foreach (var (path, member, apiKey) in new[] { ("/chat", "question", C.ApiKey), ("/chat/debug", "question", C.ApiKey), ($"/widget/chat?bot_id={C.PublicId}", "message", null) })
            {
                var fits = await SendAsync(new HostileRequest("POST", path.Split('?')[0], path.Contains('?') ? [("bot_id", C.PublicId)] : [])
                {
                    Body = JsonSerializer.Serialize(new Dictionary<string, string> { [member] = thousand }),
                    ApiKey = apiKey,
                    Label = $"POST {path} with 1,000 astral characters",
                });
                Assert.That(fits.Status, Is.EqualTo(200), fits.Label + fits.Body[..Math.Min(300, fits.Body.Length)]);

                var over = await SendAsync(new HostileRequest("POST", path.Split('?')[0], path.Contains('?') ? [("bot_id", C.PublicId)] : [])
                {
                    Body = JsonSerializer.Serialize(new Dictionary<string, string> { [member] = thousand + "a" }),
                    ApiKey = apiKey,
                    Label = $"POST {path} with 1,001 characters",
                });
                ExpectProblem(over, 413, "message_too_long");
            }
        }
    }

    /// <summary>What any value that is not one of the bot's ids gets in a path: unknown id (the escalate session follows session rules).</summary>
    private static void ExpectUnknownIdAnswer(IdKind kind, HostileAnswer answer)
    {
        if (kind == IdKind.EscalationSession)
        {
            Assert.That((answer.Status, answer.Code), Is.AnyOf((422, "session_invalid"), (409, "session_not_found")), $"{answer.Label}: {Cut(answer.Body, 400)}");
            return;
        }

        ExpectProblem(answer, 404, "not_found");
    }

    /// <summary>What an odd value in a query parameter gets: typed parameters refuse it naming the parameter; text is just text.</summary>
    private static void ExpectQueryValueAnswer(QueryKind kind, string parameter, HostileAnswer answer)
    {
        switch (kind)
        {
            case QueryKind.Integer or QueryKind.Cursor or QueryKind.Timestamp or QueryKind.Boolean or QueryKind.Enum:
                ExpectProblem(answer, 422, "validation_failed");
                AssertErrorsName(answer, parameter);
                break;
            case QueryKind.BotId:
                ExpectProblem(answer, 404, "bot_not_found");
                break;
            case QueryKind.WidgetSession:
                ExpectProblem(answer, 422, "session_invalid");
                break;
            case QueryKind.Text:
                Assert.That(answer.Status, Is.EqualTo(200), answer.Label);
                Assert.That(answer.Json().GetProperty("total").GetInt32(), Is.Zero, $"no item matches: {answer.Label}");
                break;
            default:
                Assert.That(answer.Status, Is.InRange(200, 299), $"{parameter} is a hint; a bad one is ignored: {answer.Label}: {Cut(answer.Body, 300)}");
                break;
        }
    }
}
