using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.FunctionalTests.Widget;
using Microsoft.Extensions.Logging;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>
/// A server with three bots built out the same way (<see cref="BotWorld"/>): <see cref="A"/>, whose real ids the
/// rejected-input families aim at; <see cref="B"/>, the other bot, whose data must never show and never change; and
/// <see cref="C"/>, a scratch bot for inputs that may legitimately succeed (and so change things). Every exchange goes
/// through <see cref="SendAsync(HostileRequest)"/>, which checks the invariants that hold for any input: never a 5xx,
/// every error a problem+json with a stable code, no stack trace, and nothing of <see cref="B"/>.
/// </summary>
public abstract class HostileFixtureBase(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    private const string Html = "text/html; charset=utf-8";

    /// <summary>What a stack trace or an exception leaves in a body.</summary>
    private static readonly string[] StackTraceMarkers = ["   at ", "Exception", ".cs:line", "System.Private.CoreLib", "Microsoft.AspNetCore.", "Chat9.WebApi", "Chat9.Application.", "Chat9.Infrastructure."];

    private TestSite _site = null!;
    private HttpClient _http = null!;
    private int _logMark;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:ChatPerKeyPerMinute"] = "100000",
        ["RateLimits:ManagementPerKeyPerMinute"] = "100000",
        ["RateLimits:UploadsPerBotPerHour"] = "100000",
        ["RateLimits:WidgetSessionInitPerIpPerMinute"] = "100000",
        ["RateLimits:WidgetChatPerIpPerMinute"] = "100000",
        ["RateLimits:WidgetChatPerBotPerMinute"] = "100000",
        ["RateLimits:WidgetHistoryPerIpPerMinute"] = "100000",
        ["RateLimits:WidgetEscalatePerIpPerMinute"] = "100000",
        ["RateLimits:WidgetConfigPerIpPerMinute"] = "100000",
        ["Limits:MaxKnowledgeItems"] = "100000",
        ["Network:AllowLoopback"] = "true",
    };

    /// <summary>The bot whose real ids the rejected-input families use; those inputs must change nothing.</summary>
    protected BotWorld A { get; private set; } = null!;

    /// <summary>The other bot: its ids must answer like unknown ids, and nothing of it may appear in A's or C's answers.</summary>
    protected BotWorld B { get; private set; } = null!;

    /// <summary>The scratch bot for inputs that may legitimately succeed.</summary>
    protected BotWorld C { get; private set; } = null!;

    /// <summary>The table joined with the live endpoints of this server.</summary>
    protected IReadOnlyList<HostileRoute> Routes { get; private set; } = null!;

    /// <summary>A's allowed origin: any other <c>Origin</c> is refused on A's widget endpoints.</summary>
    protected const string AllowedDomain = "shop.example";

    [OneTimeSetUp]
    public async Task BuildWorldAsync()
    {
        _http = Factory.CreateClient();
        _http.Timeout = TimeSpan.FromSeconds(60);
        Routes = HostileRoutes.Discover(Factory.Services);
        _site = await TestSite.StartAsync(new Dictionary<string, (string, string)>
        {
            ["/"] = (Html, TestSite.Html("Notes help", "<h1>Notes help</h1><p>Start here.</p><a href=\"/docs/export\">Export</a>")),
            ["/docs/export"] = (Html, TestSite.Html("Exporting notes", "<h1>Exporting notes</h1><p>Open Settings then Export and choose PDF.</p>")),
        });
        var worlds = await Task.WhenAll(
            BuildAsync("A", [AllowedDomain], extraTickets: 0),
            BuildAsync("B", [], extraTickets: 1),
            BuildAsync("C", [], extraTickets: 0));
        (A, B, C) = (worlds[0], worlds[1], worlds[2]);
    }

    [OneTimeTearDown]
    public async Task StopSiteAsync()
    {
        _http?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    [SetUp]
    public void MarkLog() => _logMark = Factory.Logs.Entries.Count;

    /// <summary>A 500 dressed up as something else still logs: no test may leave an unhandled exception in the server log.</summary>
    [TearDown]
    public void NoUnhandledExceptionsLogged()
    {
        var unhandled = Factory.Logs.Entries.Skip(_logMark)
            .Where(e => e.Level >= LogLevel.Error && e.Message.Contains("nhandled exception", StringComparison.Ordinal))
            .Select(e => $"{e.Category}: {Cut(e.Message, 1500)}")
            .ToList();
        Assert.That(unhandled, Is.Empty, "the server logged unhandled exceptions during this test");
    }

    // ---- Requests -------------------------------------------------------------------------------------------------

    /// <summary>The valid request of <paramref name="route"/> for <paramref name="world"/>: its ids, its credential, its baseline body.</summary>
    /// <param name="safe">For a destructive endpoint, aim at ids that do not exist, so an input that is (legitimately) accepted destroys nothing.</param>
    protected HostileRequest Baseline(HostileRoute route, BotWorld world, bool safe = false)
    {
        var unknown = safe && route.Destructive;
        var ids = route.PathIds.ToDictionary(p => p.Key, p => unknown ? BotWorld.UnknownId(p.Value) : world.Id(p.Value));
        var query = new List<(string, string)>();
        if (route.Query.ContainsKey("bot_id"))
        {
            query.Add(("bot_id", world.PublicId));
        }

        if (route.Query.ContainsKey("session_id"))
        {
            query.Add(("session_id", unknown ? Guid.NewGuid().ToString() : world.WidgetSessionId.ToString()));
        }

        return new HostileRequest(route.Method, FillPath(route.Pattern, ids, escape: true), query)
        {
            Body = route.BaselineBody?.Invoke(world),
            ApiKey = route.Surface == Surface.Management ? world.ApiKey : null,
        };
    }

    /// <summary>The route's path with its parameters replaced (percent-encoded unless <paramref name="escape"/> is off: the value is sent as given).</summary>
    protected static string FillPath(string pattern, IReadOnlyDictionary<string, string> values, bool escape)
    {
        var path = pattern;
        foreach (var (name, value) in values)
        {
            var start = path.IndexOf("{" + name, StringComparison.Ordinal);
            var end = path.IndexOf('}', start);
            path = path[..start] + (escape ? Uri.EscapeDataString(value) : value) + path[(end + 1)..];
        }

        return path;
    }

    /// <summary>Sends <paramref name="request"/> with HttpClient and checks the invariants every answer keeps.</summary>
    protected async Task<HostileAnswer> SendAsync(HostileRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        if (request.Content is not null)
        {
            message.Content = request.Content;
        }
        else if (request.Body is not null || request.BodyBytes is not null)
        {
            message.Content = new ByteArrayContent(request.BodyBytes ?? Encoding.UTF8.GetBytes(request.Body!));
            if (request.ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
        }

        if (request.ApiKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + request.ApiKey);
        }

        if (request.Chunked)
        {
            message.Headers.TransferEncodingChunked = true;
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .SelectMany(h => h.Value.Select(v => (h.Key, v)))
            .ToList();
        var answer = new HostileAnswer(request.Label ?? request.ToString(), (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, headers);
        CheckInvariants(request, answer, request.TransportRejectionAllowed);
        return answer;
    }

    /// <summary>
    /// Sends bytes no HTTP client would (bad framing, raw invalid UTF-8, forbidden header characters). Kestrel itself
    /// rejects some of them before any middleware runs, with a bare 400/413/414/431: only then is an empty body allowed.
    /// </summary>
    /// <param name="halfClose">End the stream after the bytes (a body shorter than its Content-Length then ends early).</param>
    protected async Task<HostileAnswer> SendRawAsync(HostileRequest request, byte[] raw, bool halfClose = false)
    {
        var response = await RawHttp.SendBytesAsync(Client.BaseAddress!, raw, TimeSpan.FromSeconds(30), halfClose);
        var mediaType = response.Header("Content-Type") is { } contentType ? contentType.Split(';')[0].Trim() : null;
        var answer = new HostileAnswer(request.Label ?? request.ToString(), response.StatusCode, mediaType, response.Body, response.Headers);
        CheckInvariants(request, answer, request.TransportRejectionAllowed);
        return answer;
    }

    /// <summary>The request as bytes: request line, Host, the credential, the given headers, then the body, with Connection: close.</summary>
    protected byte[] RawBytes(HostileRequest request, bool contentLength = true)
    {
        var body = request.BodyBytes ?? (request.Body is null ? null : Encoding.UTF8.GetBytes(request.Body));
        var head = new StringBuilder()
            .Append(request.Method).Append(' ').Append(request.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(Client.BaseAddress!.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        if (request.ApiKey is not null)
        {
            head.Append("Authorization: Bearer ").Append(request.ApiKey).Append("\r\n");
        }

        if (body is not null && request.ContentType is not null)
        {
            head.Append("Content-Type: ").Append(request.ContentType).Append("\r\n");
        }

        if (body is not null && contentLength)
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        foreach (var (name, value) in request.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body ?? []];
    }

    /// <summary>
    /// Holds for every answer to every input: no 5xx; an error is RFC 9457 problem+json with a stable snake_case code
    /// (a bare transport rejection by Kestrel only where allowed); no stack trace; nothing of the other bot unless the
    /// request itself named it.
    /// </summary>
    private void CheckInvariants(HostileRequest request, HostileAnswer answer, bool transport)
    {
        var label = $"{answer.Label} → {answer.Status}: {Cut(answer.Body, 600)}";
        Assert.That(answer.Status, Is.LessThan(500), $"never a 5xx: {label}");
        if (answer.Status >= 400)
        {
            if (transport && answer.Body.Length == 0 && answer.Status is 400 or 413 or 414 or 431)
            {
                return;
            }

            Assert.That(answer.MediaType, Is.EqualTo("application/problem+json"), $"errors are problem+json: {label}");
            var problem = TryParse(answer.Body);
            Assert.That(problem?.ValueKind, Is.EqualTo(JsonValueKind.Object), $"the problem is a JSON object: {label}");
            if (problem is { ValueKind: JsonValueKind.Object } p)
            {
                var code = p.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                Assert.That(code, Does.Match("^[a-z][a-z0-9_]*$"), $"a stable snake_case code: {label}");
                Assert.That(p.TryGetProperty("type", out var type) ? type.GetString() : null, Is.EqualTo($"urn:chat9:problem:{code}"), label);
                Assert.That(p.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number ? status.GetInt32() : 0, Is.EqualTo(answer.Status), label);
                Assert.That(p.TryGetProperty("trace_id", out var trace) ? trace.GetString() : null, Is.Not.Empty, label);
            }
        }

        foreach (var marker in StackTraceMarkers.Append(RepositoryPaths.Root()).Append(AppContext.BaseDirectory))
        {
            Assert.That(answer.Body.Contains(marker, StringComparison.Ordinal) && !request.Mentions(marker), Is.False,
                $"no stack trace or server path ('{marker.Trim()}'): {label}");
        }

        foreach (var secret in B is null ? [] : B.Secrets)
        {
            var leaked = answer.Body.Contains(secret, StringComparison.OrdinalIgnoreCase)
                || answer.Headers.Any(h => h.Value.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.That(leaked && !request.Mentions(secret), Is.False, $"nothing of the other bot ('{secret}'): {label}");
        }
    }

    // ---- Expectations ---------------------------------------------------------------------------------------------

    protected static void ExpectProblem(HostileAnswer answer, int status, string code)
    {
        Assert.That((answer.Status, answer.Code), Is.EqualTo((status, code)), $"{answer.Label}: {Cut(answer.Body, 600)}");
    }

    /// <summary>A bare rejection by Kestrel itself, before the app runs (the request is not HTTP it will parse).</summary>
    protected static void ExpectTransportRejection(HostileAnswer answer, params int[] statuses)
    {
        Assert.That(answer.Status, Is.AnyOf(statuses.Cast<object>().ToArray()), $"{answer.Label}: {Cut(answer.Body, 300)}");
        Assert.That(answer.Body, Is.Empty, answer.Label);
    }

    /// <summary>Any well-formed rejection: a 4xx (the invariants already checked its shape).</summary>
    protected static void ExpectRejected(HostileAnswer answer)
    {
        Assert.That(answer.Status, Is.InRange(400, 499), $"{answer.Label} must be rejected: {Cut(answer.Body, 600)}");
    }

    /// <summary>Input a client may legitimately send: a success, or a well-formed rejection.</summary>
    protected static void ExpectSuccessOrRejected(HostileAnswer answer)
    {
        Assert.That(answer.Status, Is.InRange(200, 299).Or.InRange(400, 499), $"{answer.Label}: {Cut(answer.Body, 600)}");
    }

    /// <summary>A 422 validation_failed whose <c>errors</c> names <paramref name="member"/> (or a path inside it).</summary>
    protected static void AssertErrorsName(HostileAnswer answer, string member)
    {
        if (answer.Status != 422 || answer.Code != "validation_failed")
        {
            return;
        }

        var errors = answer.Json().TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().Select(p => p.Name).ToList()
            : [];
        Assert.That(errors.Any(name => HostileValues.Root(name) == member), Is.True, $"{answer.Label}: errors should name '{member}': {answer.Body}");
    }

    protected static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + $"… ({text.Length} chars)";

    private static JsonElement? TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // ---- The worlds -----------------------------------------------------------------------------------------------

    private async Task<BotWorld> BuildAsync(string letter, string[] allowedDomains, int extraTickets)
    {
        var marker = $"mk{letter.ToLowerInvariant()}{Guid.NewGuid():N}"[..20];
        var bot = await CreateBotAsync($"Hostile {letter}", allowedDomains);
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        using var client = ClientWithKey(bot.ApiKey);
        var world = new BotWorld(bot, marker, secret, _site.BaseUri.AbsoluteUri);

        var document = await client.UploadOkAsync($"printing-{marker}.md", Encoding.UTF8.GetBytes(
            $"# Printing\n\nOpen a note and choose **File → Print** to print it ({marker}). Pick the printer and the paper size, then confirm.\n"),
            $"https://docs.example/{marker}");
        Assert.That((await client.WaitUntilProcessedAsync(document)).GetProperty("status").GetString(), Is.EqualTo("ready"));

        var source = await OkJsonAsync(client.PostAsync("/documents/sources/url",
            Json(JsonSerializer.Serialize(new { url = _site.BaseUri.AbsoluteUri, name = $"Site {marker}", schedule = "manual" }))));
        var sourceId = source.GetProperty("id").GetGuid();
        var page = await PollAsync(client, $"/documents/sources/{sourceId}", s => s.GetProperty("status").GetString() is "ready" or "error"
            && s.GetProperty("pages").GetArrayLength() > 0);

        var answer = await OkJsonAsync(client.PostAsync("/chat", Json(JsonSerializer.Serialize(new { question = $"How do I print a note? {marker}" }))));
        var messageId = answer.GetProperty("message_id").GetGuid();
        await OkJsonAsync(client.PostAsync($"/chat/messages/{messageId}/feedback",
            Json(JsonSerializer.Serialize(new { feedback = "down", ideal_answer = $"Use File then Print ({marker})." }))));

        foreach (var question in new[] { "Is there a dark mode?", "How do I switch on dark mode?" })
        {
            await OkJsonAsync(client.PostAsync("/chat", Json(JsonSerializer.Serialize(new { question }))));
        }

        var tickets = new List<string>();
        var escalated = Guid.Empty;
        for (var i = 0; i <= extraTickets; i++)
        {
            var billing = await OkJsonAsync(client.PostAsync("/chat", Json(JsonSerializer.Serialize(new { question = $"I need help with my invoice {marker}" }))));
            var sessionId = billing.GetProperty("session_id").GetGuid();
            var ticket = await OkJsonAsync(client.PostAsync($"/chat/{sessionId}/escalate",
                Json(JsonSerializer.Serialize(new { user_note = $"Call me {marker}", email = $"{marker}@example.com" }))));
            tickets.Add(ticket.GetProperty("ticket_number").GetString()!);
            escalated = escalated == Guid.Empty ? sessionId : escalated;
        }

        var faq = await OkJsonAsync(client.PostAsync("/knowledge/faq", Json(JsonSerializer.Serialize(new { question = $"What is {marker}?", answer = $"{marker} is our product." }))));
        await OkJsonAsync(client.PatchAsync("/knowledge/profile", Json(JsonSerializer.Serialize(new { product_name = $"Product {marker}" }))));

        var job = await OkJsonAsync(client.PostAsync("/gap-analyzer/recalculate", null));
        var jobId = job.GetProperty("job_id").GetGuid();
        await PollAsync(client, $"/gap-analyzer/jobs/{jobId}", j => j.GetProperty("status").GetString() is "succeeded");
        var gaps = await OkJsonAsync(client.GetAsync("/gap-analyzer?status=all"));
        Assert.That(gaps.GetProperty("items").GetArrayLength(), Is.GreaterThan(0), $"bot {letter} should have a gap: {gaps}");

        var widget = await InitOkAsync(bot.PublicId);
        var identified = await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, world.IdentifiedUserId, email: $"{marker}@example.com", name: $"Name {marker}"));
        Assert.That(identified.GetProperty("mode").GetString(), Is.EqualTo("identified"));

        return world with
        {
            DocumentId = document,
            SourceId = sourceId,
            SourcePageId = page.GetProperty("pages")[0].GetProperty("document_id").GetGuid(),
            SessionId = answer.GetProperty("session_id").GetGuid(),
            AssistantMessageId = messageId,
            EscalatedSessionId = escalated,
            TicketNumber = tickets[0],
            TicketNumbers = tickets,
            GapId = gaps.GetProperty("items")[0].GetProperty("id").GetGuid(),
            GapJobId = jobId,
            FaqId = faq.GetProperty("id").GetGuid(),
            WidgetSessionId = widget.GetProperty("session_id").GetGuid(),
            IdentifiedSessionId = identified.GetProperty("session_id").GetGuid(),
        };
    }

    private static async Task<JsonElement> OkJsonAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var json = await OkJsonAsync(client.GetAsync(path));
            if (done(json))
            {
                return json;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{path} did not get there: {json}");
            await Task.Delay(100);
        }
    }
}

/// <summary>One hostile request. <see cref="Body"/> is UTF-8 text; <see cref="BodyBytes"/> wins when the bytes themselves are the point.</summary>
public sealed record HostileRequest(string Method, string Path, IReadOnlyList<(string Name, string Value)> Query)
{
    public string? Body { get; init; }

    public byte[]? BodyBytes { get; init; }

    public string? ContentType { get; init; } = "application/json";

    /// <summary>Sent as <c>Authorization: Bearer …</c>.</summary>
    public string? ApiKey { get; init; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Content sent as is (multipart), instead of <see cref="Body"/>.</summary>
    public HttpContent? Content { get; init; }

    public string? Label { get; init; }

    /// <summary>
    /// Kestrel may refuse the request itself (a NUL in the path, a header over the limits) with a bare 400/413/414/431
    /// before any middleware runs; the app cannot shape that answer, so such cases allow an empty body.
    /// </summary>
    public bool TransportRejectionAllowed { get; init; }

    /// <summary>Send the body with <c>Transfer-Encoding: chunked</c> (no <c>Content-Length</c>).</summary>
    public bool Chunked { get; init; }

    /// <summary>The query is sent exactly as given: values are percent-encoded here unless <see cref="RawQuery"/> is set.</summary>
    public string? RawQuery { get; init; }

    public string PathAndQuery
    {
        get
        {
            var query = RawQuery ?? string.Join("&", Query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}"));
            return query.Length == 0 ? Path : $"{Path}?{query}";
        }
    }

    public HostileRequest WithQuery(string name, string value) =>
        this with { Query = [.. Query.Where(q => q.Name != name), (name, value)] };

    public HostileRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, (name, value)] };

    /// <summary>Whether the request itself carries <paramref name="text"/> (an answer may echo what it was sent).</summary>
    public bool Mentions(string text) =>
        Uri.UnescapeDataString(PathAndQuery).Contains(text, StringComparison.OrdinalIgnoreCase)
        || PathAndQuery.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (Body?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || (BodyBytes is not null && System.Text.Encoding.Latin1.GetString(BodyBytes).Contains(text, StringComparison.OrdinalIgnoreCase))
        || Headers.Any(h => h.Value.Contains(text, StringComparison.OrdinalIgnoreCase))
        || (ApiKey?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);

    public override string ToString() => Label ?? $"{Method} {Cut(PathAndQuery)}";

    private static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "…";
}

/// <summary>What came back: status, media type, body and headers.</summary>
public sealed record HostileAnswer(string Label, int Status, string? MediaType, string Body, IReadOnlyList<(string Name, string Value)> Headers)
{
    /// <summary>The problem's <c>code</c>, or null when the body is not a problem.</summary>
    public string? Code
    {
        get
        {
            try
            {
                using var json = JsonDocument.Parse(Body);
                return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The body without its <c>trace_id</c>, for comparing two answers that must be identical.</summary>
    public string BodyWithoutTrace()
    {
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(Body);
            if (node is System.Text.Json.Nodes.JsonObject json)
            {
                json.Remove("trace_id");
                return json.ToJsonString();
            }
        }
        catch (JsonException)
        {
        }

        return Body;
    }
}
