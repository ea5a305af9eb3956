using System.Text.Json;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>Invalid ids, injection strings as ids, other bots' ids (exactly like unknown ones, and nothing changes), wrong methods.</summary>
public sealed partial class HostileInputTests
{
    private static readonly string[] InvalidIds =
    [
        "not-a-uuid", "0", "-1", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "{00000000-0000-0000-0000-000000000001}",
        "0196a0c1-5b7e-7c3a-8d21-6f0e4a9b2c1", "0196a0c1-5b7e-7c3a-8d21-6f0e4a9b2c13x", "0196a0c1-5b7e-7c3a-8d21-6f0e4a9b2c13 ",
        "ESC-0", "ESC-00001", "ESC-99999999999999999999", "ESC--1", "esc-9999", "ESC-٠٠٠١", "ESC-0001x", "ESC+0001", "ESC-1e3", " ESC-0001",
        // ".." itself is absent: the client removes dot segments before sending, so the server never sees it.
        new string('a', 4000), "true", "null", "[]", "%", "...", ".%2E",
    ];

    /// <summary>The contract's session ids are hyphenated UUIDs only (widget-api.md); braces or bare hex are <c>session_invalid</c>.</summary>
    private static bool IsSessionId(string id) => Guid.TryParseExact(id, "D", out _);

    [Test]
    public async Task Invalid_ids_and_injection_strings_as_ids_are_unknown_ids()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.PathIds.Count > 0))
            {
                foreach (var (parameter, kind) in route.PathIds)
                {
                    foreach (var id in InvalidIds.Concat(HostileValues.Injections))
                    {
                        var ids = route.PathIds.ToDictionary(p => p.Key, p => p.Key == parameter ? id : A.Id(p.Value));
                        var answer = await SendAsync(Baseline(route, A, safe: true) with { Path = FillPath(route.Pattern, ids, escape: true), Label = $"{route} with {parameter} = {Cut(id, 40)}" });
                        if (kind == IdKind.EscalationSession)
                        {
                            ExpectProblem(answer, IsSessionId(id) ? 409 : 422, IsSessionId(id) ? "session_not_found" : "session_invalid");
                            continue;
                        }

                        ExpectProblem(answer, 404, "not_found");
                    }
                }
            }
        }
    }

    [Test]
    public async Task Invalid_widget_bot_and_session_ids_are_refused_with_their_codes()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Surface == Surface.Widget && r.Query.ContainsKey("bot_id")))
            {
                var baseline = Baseline(route, A, safe: true);
                foreach (var botId in new[] { "", "ch_", "ch_0000000000000000", A.PublicId.ToUpperInvariant(), A.PublicId + " ", " " + A.PublicId, A.PublicId + "\u0000", "ch_" + new string('a', 4000) })
                {
                    var answer = await SendAsync(baseline.WithQuery("bot_id", botId) with { Label = $"{route} with bot_id={Cut(botId, 40)}" });
                    if (botId.Length == 0)
                    {
                        ExpectProblem(answer, 422, "validation_failed");
                        continue;
                    }

                    ExpectProblem(answer, 404, "bot_not_found");
                }

                if (!route.Query.ContainsKey("session_id"))
                {
                    continue;
                }

                foreach (var sessionId in InvalidIds.Where(i => !IsSessionId(i)).Append("").Concat(HostileValues.Injections))
                {
                    var answer = await SendAsync(baseline.WithQuery("session_id", sessionId) with { Label = $"{route} with session_id={Cut(sessionId, 40)}" });
                    if (sessionId.Length == 0 && route.Pattern == "/widget/chat")
                    {
                        ExpectSuccessOrRejected(answer); // No session: a new one (widget-api.md).
                        continue;
                    }

                    ExpectProblem(answer, 422, "session_invalid");
                }
            }

            var init = await SendAsync(new HostileRequest("POST", "/widget/session/init", []) { Body = "{\"bot_id\":\"ch_0000000000000000\"}" });
            ExpectProblem(init, 404, "bot_not_found");
        }
    }

    /// <summary>
    /// Every path id, widget session and body session of the other bot answers exactly like an id that does not exist
    /// (same status, same body but the trace id), and changes nothing of the other bot.
    /// </summary>
    [Test]
    public async Task Another_bots_ids_answer_exactly_like_unknown_ids_and_change_nothing()
    {
        var before = await SnapshotAsync(B);
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.PathIds.Count > 0 && r.Surface == Surface.Management))
            {
                var cases = route.PathIds.Select(p => (Name: p.Key, Only: (string?)p.Key)).ToList();
                if (route.PathIds.Count > 1)
                {
                    cases.Add(("all ids", null)); // Bot B's source with bot B's page.
                }

                foreach (var (name, only) in cases)
                {
                    bool Swapped(string parameter) => only is null || parameter == only;
                    var others = route.PathIds.ToDictionary(p => p.Key, p => Swapped(p.Key) ? B.Id(p.Value) : A.Id(p.Value));
                    var unknown = route.PathIds.ToDictionary(p => p.Key, p => Swapped(p.Key) ? BotWorld.UnknownId(p.Value) : A.Id(p.Value));
                    var escalation = route.PathIds.Values.Contains(IdKind.EscalationSession);
                    await ExpectSameAnswerAsync(
                        Baseline(route, A) with { Path = FillPath(route.Pattern, others, escape: true), Label = $"{route} with {name} of bot B" },
                        Baseline(route, A) with { Path = FillPath(route.Pattern, unknown, escape: true), Label = $"{route} with an unknown {name}" },
                        escalation ? (409, "session_not_found") : (404, "not_found"));
                }
            }

            foreach (var route in Routes.Where(r => r.Query.ContainsKey("session_id")))
            {
                await ExpectSameAnswerAsync(
                    Baseline(route, A).WithQuery("session_id", B.WidgetSessionId.ToString()) with { Label = $"{route} with bot B's widget session" },
                    Baseline(route, A).WithQuery("session_id", Guid.NewGuid().ToString()) with { Label = $"{route} with an unknown widget session" },
                    (409, "session_not_found"));
                await ExpectSameAnswerAsync(
                    Baseline(route, B).WithQuery("session_id", A.WidgetSessionId.ToString()) with { Label = $"{route} as bot B with bot A's widget session" },
                    Baseline(route, B).WithQuery("session_id", Guid.NewGuid().ToString()) with { Label = $"{route} as bot B with an unknown widget session" },
                    (409, "session_not_found"));
            }

            foreach (var route in Routes.Where(r => r.Fields.Any(f => f.Path == "session_id")))
            {
                await ExpectSameAnswerAsync(
                    Baseline(route, A) with { Body = HostileValues.WithMember(route.BaselineBody!(A), "session_id", $"\"{B.SessionId}\""), Label = $"{route} with bot B's session" },
                    Baseline(route, A) with { Body = HostileValues.WithMember(route.BaselineBody!(A), "session_id", $"\"{Guid.NewGuid()}\""), Label = $"{route} with an unknown session" },
                    (409, "session_not_found"));
            }

            foreach (var (path, query) in new[] { ("/chat/sessions", ("user_id", B.IdentifiedUserId)), ("/documents", ("origin", "upload")), ("/escalations", ("status", "open")) })
            {
                var answer = await SendAsync(new HostileRequest("GET", path, [query]) { ApiKey = A.ApiKey, Label = $"GET {path} filtered to bot B's data" });
                Assert.That(answer.Status, Is.EqualTo(200), answer.Label);
            }
        }

        Assert.That(await SnapshotAsync(B), Is.EqualTo(before), "bot B's data is unchanged");
    }

    /// <summary>Every list and summary of A: nothing of B, whatever the filters (the invariants check every body).</summary>
    [Test]
    public async Task Lists_and_summaries_never_show_another_bots_data()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r is { Method: "GET", Surface: not Surface.Public } && r.PathIds.Count == 0))
            {
                foreach (var (name, value) in new[] { ("", ""), ("status", "all"), ("limit", "200"), ("source", "all"), ("has_ticket", "true"), ("feedback", "down") })
                {
                    var applies = route.Query.ContainsKey(name) && !(value == "all" && route.Pattern is not ("/gap-analyzer" or "/knowledge/faq"));
                    var request = applies ? Baseline(route, A).WithQuery(name, value) : Baseline(route, A);
                    var answer = await SendAsync(request with { Label = $"{route}{(applies ? $" ?{name}={value}" : string.Empty)}" });
                    Assert.That(answer.Status, Is.EqualTo(200), answer.Label + answer.Body);
                }
            }
        }
    }

    /// <summary>A method a path does not map: 405 method_not_allowed as problem+json (or 404 where a parameter route captures the path).</summary>
    [Test]
    public async Task Unmapped_methods_are_405_problems()
    {
        var methods = new[] { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "FOO" };
        using (Assert.EnterMultipleScope())
        {
            foreach (var pattern in Routes.GroupBy(r => r.Pattern))
            {
                var route = pattern.First();
                var mapped = pattern.Select(r => r.Method).ToHashSet();
                var path = Baseline(route, A, safe: true);
                foreach (var method in methods.Where(m => !mapped.Contains(m) && !(m == "HEAD")))
                {
                    var answer = await SendAsync(path with { Method = method, Body = null, Label = $"{method} {route.Pattern}" });
                    var captured = Routes.Any(r => r.Method == method && r.Pattern != route.Pattern && Matches(r.Pattern, path.Path));
                    if (captured)
                    {
                        ExpectRejected(answer);
                        continue;
                    }

                    ExpectProblem(answer, 405, "method_not_allowed");
                }
            }
        }
    }

    /// <summary>Whether a concrete path fits a route pattern, parameters matching any one segment.</summary>
    private static bool Matches(string pattern, string path)
    {
        var p = pattern.Trim('/').Split('/');
        var s = path.Trim('/').Split('/');
        return p.Length == s.Length && p.Zip(s).All(x => x.First.StartsWith('{') || string.Equals(x.First, x.Second, StringComparison.Ordinal));
    }

    private async Task ExpectSameAnswerAsync(HostileRequest other, HostileRequest unknown, (int Status, string Code) expected)
    {
        var otherAnswer = await SendAsync(other);
        var unknownAnswer = await SendAsync(unknown);
        ExpectProblem(otherAnswer, expected.Status, expected.Code);
        Assert.That(otherAnswer.BodyWithoutTrace(), Is.EqualTo(unknownAnswer.BodyWithoutTrace()), $"{other.Label}: the same body as {unknown.Label}");
        Assert.That(otherAnswer.Status, Is.EqualTo(unknownAnswer.Status), other.Label);
    }

    /// <summary>What bot B owns, read with B's own key: documents, sources and pages, sessions, messages, tickets, gaps, FAQ, profile, settings.</summary>
    private async Task<string> SnapshotAsync(BotWorld world)
    {
        using var client = ClientWithKey(world.ApiKey);
        var parts = new List<string>();
        foreach (var path in new[]
                 {
                     "/bot", $"/documents/{world.DocumentId}", $"/documents/sources/{world.SourceId}", "/documents?limit=200", $"/chat/sessions/{world.SessionId}",
                     $"/chat/sessions/{world.EscalatedSessionId}", "/chat/sessions?limit=200", "/chat/bad-answers", "/escalations", $"/gap-analyzer/{world.GapId}",
                     "/gap-analyzer?status=all", "/knowledge/faq?status=all", "/knowledge/profile", $"/widget/history?bot_id={world.PublicId}&session_id={world.WidgetSessionId}",
                 })
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            parts.Add($"{path} {(int)response.StatusCode} {Stable(body)}");
        }

        return string.Join("\n", parts);
    }

    /// <summary>A body without the members that move by themselves (timestamps of background runs, cursors).</summary>
    private static string Stable(string body)
    {
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(body);
            Strip(node);
            return node?.ToJsonString() ?? body;
        }
        catch (JsonException)
        {
            return body;
        }

        static void Strip(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is System.Text.Json.Nodes.JsonObject obj)
            {
                foreach (var name in obj.Select(p => p.Key).Where(k => k is "last_run_at" or "next_run_at" or "recent_runs" or "last_recalculated_at" or "health" or "updated_at" or "extracted_at" or "extraction_status").ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }
            }
            else if (node is System.Text.Json.Nodes.JsonArray array)
            {
                foreach (var child in array)
                {
                    Strip(child);
                }
            }
        }
    }
}
