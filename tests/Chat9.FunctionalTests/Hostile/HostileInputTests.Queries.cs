using System.Text;
using System.Text.Json;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>Query parameters: wrong values for every typed parameter, injection strings, odd keys, paging at the edge of int.</summary>
public sealed partial class HostileInputTests
{
    /// <summary>Values no typed parameter may take (each is a 422 naming the parameter).</summary>
    private static readonly IReadOnlyDictionary<QueryKind, string[]> InvalidQueryValues = new Dictionary<QueryKind, string[]>
    {
        [QueryKind.Integer] = ["abc", "-1", "1.5", "1e3", " 5", "+5", "0x10", "99999999999999999999", "2147483648", "٥", "5,6", "NaN"],
        [QueryKind.Cursor] = ["garbage", "!!!!", "eyJvIjotMX0", Base64Url("[]"), Base64Url("{\"o\":\"1\"}"), Base64Url("{\"o\":1.5}"), new string('A', 5000)],
        [QueryKind.Timestamp] = ["yesterday", "2026-13-45T00:00:00Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "1e10", "2026-05-04T25:00:00Z"],
        [QueryKind.Boolean] = ["TRUE", "True", "1", "0", "yes", "on", "true "],
        [QueryKind.Enum] = ["bogus", "UP", "0", "1", "up ", "none", "rejected"],
    };

    [Test]
    public async Task Wrong_values_of_typed_query_parameters_are_422_naming_the_parameter()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Method == "GET"))
            {
                var baseline = Baseline(route, A);
                foreach (var (parameter, kind) in route.Query.Where(q => InvalidQueryValues.ContainsKey(q.Value)))
                {
                    foreach (var value in InvalidQueryValues[kind].Where(v => !(v is "none" && parameter != "feedback") && !(v is "rejected" && parameter != "status")))
                    {
                        var answer = await SendAsync(baseline.WithQuery(parameter, value) with { Label = $"{route} with ?{parameter}={Cut(value, 40)}" });
                        ExpectProblem(answer, 422, "validation_failed");
                        AssertErrorsName(answer, parameter);
                    }
                }
            }
        }
    }

    /// <summary>Injection strings are plain values: typed parameters refuse them, text filters match nothing, ids are unknown.</summary>
    [Test]
    public async Task Injection_strings_in_query_parameters_are_plain_values()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Query.Count > 0))
            {
                var baseline = Baseline(route, A, safe: true);
                foreach (var (parameter, kind) in route.Query)
                {
                    foreach (var injection in HostileValues.Injections.Append("%' OR user_id LIKE '%"))
                    {
                        var answer = await SendAsync(baseline.WithQuery(parameter, injection) with { Label = $"{route} with ?{parameter}={injection}" });
                        ExpectQueryValueAnswer(kind, parameter, answer);
                    }
                }
            }
        }
    }

    /// <summary>The user filter is an exact match on the stored id: no LIKE wildcards, no case folding, no injection.</summary>
    [Test]
    public async Task The_user_filter_matches_exactly()
    {
        var exact = C.IdentifiedUserId;
        using (Assert.EnterMultipleScope())
        {
            foreach (var (value, expected) in new[]
                     {
                         (exact, 1), (exact.ToUpperInvariant(), 0), ("%", 0), ("_%", 0), (exact[..^1] + "_", 0), (exact[..^2] + "%", 0),
                         ("' OR '1'='1", 0), (exact + "' --", 0), (" " + exact, 0), (exact + "\u0000", 0), (B.IdentifiedUserId, 0),
                     })
            {
                var answer = await SendAsync(new HostileRequest("GET", "/chat/sessions", [("user_id", value)]) { ApiKey = C.ApiKey, Label = $"GET /chat/sessions?user_id={value}" });
                Assert.That(answer.Status, Is.EqualTo(200), answer.Label);
                Assert.That(answer.Json().GetProperty("total").GetInt32(), Is.EqualTo(expected), answer.Label);
            }
        }
    }

    /// <summary>Paging at the edge of <see cref="int"/>: an offset or cursor past everything is an empty last page.</summary>
    [Test]
    public async Task An_offset_or_cursor_at_int_max_is_an_empty_last_page()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Method == "GET" && r.Query.ContainsKey("offset")))
            {
                foreach (var query in new (string, string)[][]
                         {
                             [("offset", "2147483647")],
                             [("offset", "2147483600"), ("limit", "200")],
                             [("cursor", Base64Url("{\"o\":2147483647}"))],
                             [("cursor", Base64Url("{\"o\":2147483647}")), ("limit", "1")],
                         })
                {
                    var request = Baseline(route, A) with { Query = query };
                    var answer = await SendAsync(request with { Label = $"{route}?{request.PathAndQuery.Split('?')[1]}" });
                    Assert.That(answer.Status, Is.EqualTo(200), answer.Label + answer.Body);
                    if (answer.Status == 200)
                    {
                        var page = answer.Json();
                        Assert.That(page.GetProperty("items").GetArrayLength(), Is.Zero, answer.Label);
                        Assert.That(page.GetProperty("next_cursor").ValueKind, Is.EqualTo(JsonValueKind.Null), $"the last page has no next cursor: {answer.Label}: {answer.Body}");
                    }
                }
            }
        }
    }

    /// <summary>Repeated, bracketed, empty and unknown query keys: a repeated typed parameter is refused, the rest ignored.</summary>
    [Test]
    public async Task Odd_query_keys_are_refused_or_ignored()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Method == "GET"))
            {
                var baseline = Baseline(route, A);
                var plain = baseline.RawQuery ?? string.Join("&", baseline.Query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"));
                foreach (var extra in new[] { "limit[]=1", "user_id[$ne]=x", "=1", "&&&", "a=1&a=2", "%00=1", "x=" + new string('y', 4000) })
                {
                    var answer = await SendAsync(baseline with { RawQuery = (plain.Length == 0 ? string.Empty : plain + "&") + extra, Label = $"{route} with ?{Cut(extra, 40)}" });
                    ExpectSuccessOrRejected(answer);
                }

                foreach (var (parameter, kind) in route.Query.Where(q => q.Value is QueryKind.Integer or QueryKind.Enum or QueryKind.Boolean or QueryKind.BotId or QueryKind.WidgetSession))
                {
                    var value = baseline.Query.FirstOrDefault(q => q.Name == parameter).Value ?? ValidQueryValue(route, kind, parameter);
                    var answer = await SendAsync(baseline with
                    {
                        RawQuery = string.Join("&", baseline.Query.Where(q => q.Name != parameter).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}")
                            .Append($"{parameter}={Uri.EscapeDataString(value)}&{parameter}={Uri.EscapeDataString(value)}")),
                        Label = $"{route} with ?{parameter} twice",
                    });
                    ExpectRejected(answer);
                }
            }
        }
    }

    /// <summary>A request line over Kestrel's 8 KiB limit is refused by the server itself (414), on every surface.</summary>
    [Test]
    public async Task A_request_line_over_the_limit_is_414()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Method == "GET").GroupBy(r => r.Surface).Select(g => g.First()))
            {
                var request = Baseline(route, A).WithQuery("x", new string('a', 10_000)) with { TransportRejectionAllowed = true, Label = $"{route} with a 10,000-character query" };
                ExpectTransportRejection(await SendAsync(request), 414);
            }
        }
    }

    /// <summary>A value the parameter accepts, so that sending it twice is the only fault.</summary>
    private static string ValidQueryValue(HostileRoute route, QueryKind kind, string parameter) => (kind, parameter) switch
    {
        (QueryKind.Integer, _) => "1",
        (QueryKind.Boolean, _) => "true",
        (QueryKind.Enum, "feedback") => "up",
        (QueryKind.Enum, "channel") => "api",
        (QueryKind.Enum, "file_type") => "markdown",
        (QueryKind.Enum, "origin") => "upload",
        (QueryKind.Enum, "priority") => "high",
        (QueryKind.Enum, "trigger") => "user_request",
        (QueryKind.Enum, "mode") => "questions",
        (QueryKind.Enum, "source") => "manual",
        (QueryKind.Enum, "status") => route.Pattern switch
        {
            "/documents" => "ready",
            "/escalations" => "open",
            "/gap-analyzer" => "active",
            _ => "approved",
        },
        _ => "x",
    };

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
