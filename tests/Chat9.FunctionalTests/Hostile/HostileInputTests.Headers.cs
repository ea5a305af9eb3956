using System.Text;
using Chat9.FunctionalTests.Infrastructure;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>
/// Header abuse: header blocks over Kestrel's limits, conflicting and malformed credentials, wrong media types and
/// charsets, Accept and language garbage on the chat endpoints, forged forwarding headers, hostile origins on the widget,
/// bad <c>Idempotency-Key</c>s and <c>Content-Length</c>s that lie. Headers no HTTP client would send go over a raw
/// socket (<see cref="HostileFixtureBase.SendRawAsync"/>), one line per header exactly as written here.
/// </summary>
public sealed partial class HostileInputTests
{
    /// <summary>Kestrel's default <c>MaxRequestHeaderCount</c>; the total size is set to 32 KiB in <c>ServerHost</c>.</summary>
    private const int KestrelMaxHeaderCount = 100;

    /// <summary>
    /// Decision (header limits): a header block over Kestrel's limits (32 KiB in total, 100 headers) is refused by Kestrel
    /// itself with a bare <c>431 Request Header Fields Too Large</c> (RFC 6585), empty body, connection closed, before any
    /// middleware runs. The contract's problem+json covers what the application answers; this request never reaches it
    /// (the same rule as the other transport rejections of this suite: a NUL in a path, a 10,000-character query), and
    /// shaping it would mean raising Kestrel's limits, which defeats them. So a bare 431 is accepted, and only for these
    /// inputs. Within the limits (a 20 KiB header, 90 headers) the request is answered as if the headers were not there.
    /// </summary>
    [Test]
    public async Task Header_blocks_over_kestrels_limits_are_a_bare_431_and_big_ones_within_them_are_ignored()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Body != BodyKind.Multipart))
            {
                var baseline = Baseline(route, C, safe: true);
                var plain = await SendRawAsync(baseline with { Label = $"{route} plain" }, RawBytes(baseline));

                var within = new (string Name, HostileRequest Request)[]
                {
                    ("a 20 KiB header", baseline.WithHeader("X-Padding", new string('a', 20 * 1024))),
                    ("90 extra headers", baseline with { Headers = [.. Enumerable.Range(0, 90).Select(i => ($"X-Extra-{i}", $"v{i}"))] }),
                };
                foreach (var (name, request) in within)
                {
                    var answer = await SendRawAsync(request with { Label = $"{route} with {name}" }, RawBytes(request));
                    Assert.That(answer.Status, Is.Not.EqualTo(431), answer.Label);
                    Assert.That(answer.Status / 100, Is.EqualTo(plain.Status / 100).Or.EqualTo(409 / 100), $"{answer.Label}: answered like the plain request ({plain.Status}): {Cut(answer.Body, 300)}");
                }

                var over = new (string Name, HostileRequest Request)[]
                {
                    ("a 40 KiB header", baseline.WithHeader("X-Padding", new string('a', 40 * 1024))),
                    ("40 headers of 1 KiB", baseline with { Headers = [.. Enumerable.Range(0, 40).Select(i => ($"X-Big-{i}", new string('b', 1024)))] }),
                    ($"{KestrelMaxHeaderCount + 20} headers", baseline with { Headers = [.. Enumerable.Range(0, KestrelMaxHeaderCount + 20).Select(i => ($"X-Extra-{i}", "v"))] }),
                    ("a 40 KiB cookie", baseline.WithHeader("Cookie", "c=" + new string('c', 40 * 1024))),
                };
                foreach (var (name, request) in over)
                {
                    var answer = await SendRawAsync(request with { Label = $"{route} with {name}", TransportRejectionAllowed = true }, RawBytes(request));
                    ExpectTransportRejection(answer, 431);
                }
            }
        }
    }

    /// <summary>
    /// Credentials that conflict or are malformed never authenticate, and never as the other bot: every one is the
    /// <c>401 unauthorized</c> of a missing key, byte for byte (only <c>trace_id</c> differs), with <c>WWW-Authenticate:
    /// Bearer</c>. Authorization is a singleton field (RFC 9110 §11.6.2): sent twice, or with two keys, it is no
    /// credential at all, and a malformed <c>Authorization</c> is a wrong credential, not a reason to read <c>X-Api-Key</c>.
    /// Header values with a NUL or a line break may be refused by Kestrel itself (bare 400).
    /// </summary>
    [Test]
    public async Task Conflicting_or_malformed_credentials_are_the_401_of_a_missing_key_on_every_management_route()
    {
        var a = A.ApiKey;
        var c = C.ApiKey;
        static string Utf8(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));
        var cases = new (string Name, (string, string)[] Headers)[]
        {
            ("two Authorization headers (A then C)", [("Authorization", "Bearer " + a), ("Authorization", "Bearer " + c)]),
            ("two Authorization headers (C then A)", [("Authorization", "Bearer " + c), ("Authorization", "Bearer " + a)]),
            ("two Authorization headers with the same key", [("Authorization", "Bearer " + a), ("Authorization", "Bearer " + a)]),
            ("two keys in one Authorization", [("Authorization", $"Bearer {a}, Bearer {c}")]),
            ("two keys after one Bearer", [("Authorization", $"Bearer {a} {c}")]),
            ("two X-Api-Key headers (A then C)", [("X-Api-Key", a), ("X-Api-Key", c)]),
            ("two keys in one X-Api-Key", [("X-Api-Key", $"{a},{c}")]),
            ("a malformed Authorization next to a good X-Api-Key", [("Authorization", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes(a + ":"))), ("X-Api-Key", a)]),
            ("an empty Bearer next to a good X-Api-Key", [("Authorization", "Bearer"), ("X-Api-Key", a)]),
            ("Basic with the key as user", [("Authorization", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes(a + ":")))]),
            ("Basic with the key as password", [("Authorization", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes(":" + a)))]),
            ("Token scheme", [("Authorization", "Token " + a)]),
            ("ApiKey scheme", [("Authorization", "ApiKey " + a)]),
            ("Digest scheme", [("Authorization", $"Digest username=\"{a}\", realm=\"chat9\"")]),
            ("Negotiate scheme", [("Authorization", "Negotiate " + Convert.ToBase64String(Encoding.ASCII.GetBytes(a)))]),
            ("the key without a scheme", [("Authorization", a)]),
            ("Bearer glued to the key", [("Authorization", "Bearer" + a)]),
            ("Bearer alone", [("Authorization", "Bearer")]),
            ("a quoted key", [("Authorization", $"Bearer \"{a}\"")]),
            ("the key and a parameter", [("Authorization", $"Bearer {a};bot=other")]),
            ("the key in upper case", [("Authorization", "Bearer " + a.ToUpperInvariant())]),
            ("the key less its last character", [("Authorization", "Bearer " + a[..^1])]),
            ("the key and padding", [("Authorization", "Bearer " + a + "=")]),
            ("the key and a zero-width space", [("Authorization", Utf8("Bearer " + a + "\u200B"))]),
            ("a Cyrillic look-alike prefix", [("Authorization", Utf8("Bearer с" + a[1..]))]),
            ("the key in full-width letters", [("Authorization", Utf8("Bearer ｃｋ＿" + a[3..]))]),
            ("a tab inside the key", [("Authorization", "Bearer " + a[..10] + "\t" + a[10..])]),
            ("a space inside the key", [("Authorization", "Bearer " + a[..10] + " " + a[10..])]),
            ("a control character inside the key", [("Authorization", "Bearer " + a[..10] + "\u0001" + a[10..])]),
            ("DEL inside the key", [("X-Api-Key", a[..10] + "\u007F" + a[10..])]),
            ("a NUL inside the key", [("X-Api-Key", a[..10] + "\0" + a[10..])]),
            ("Latin-1 bytes in the key", [("X-Api-Key", a[..10] + "\u00E9\u00FF" + a[10..])]),
            ("a 10 KiB key", [("Authorization", "Bearer ck_" + new string('A', 10 * 1024))]),
            ("a 10 KiB X-Api-Key", [("X-Api-Key", "ck_" + new string('A', 10 * 1024))]),
            ("an empty X-Api-Key", [("X-Api-Key", "")]),
            ("X-Api-Key with a scheme", [("X-Api-Key", "Bearer " + a)]),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Surface == Surface.Management))
            {
                var baseline = Baseline(route, A, safe: true) with { ApiKey = null };
                var missing = await SendRawAsync(baseline with { Label = $"{route} without a key" }, RawBytes(baseline));
                ExpectProblem(missing, 401, "unauthorized");
                foreach (var (name, headers) in cases)
                {
                    var request = baseline with { Headers = headers, Label = $"{route} with {name}", TransportRejectionAllowed = true };
                    var answer = await SendRawAsync(request, RawBytes(request));
                    if (answer.Status == 400 && answer.Body.Length == 0)
                    {
                        Assert.That(name, Does.Contain("NUL").Or.Contain("control").Or.Contain("DEL").Or.Contain("Latin-1").Or.Contain("zero-width").Or.Contain("look-alike").Or.Contain("full-width"),
                            $"only bytes Kestrel refuses may be a bare 400: {answer.Label}");
                        continue;
                    }

                    ExpectProblem(answer, 401, "unauthorized");
                    Assert.That(answer.BodyWithoutTrace(), Is.EqualTo(missing.BodyWithoutTrace()), $"{answer.Label}: the body of a missing key");
                    Assert.That(answer.Header("WWW-Authenticate"), Is.EqualTo("Bearer"), answer.Label);
                }
            }
        }
    }

    /// <summary>The documented ways to send a key work, and with both headers <c>Authorization</c> decides (management-api.md).</summary>
    [Test]
    public async Task Authorization_decides_over_X_Api_Key_and_the_bearer_scheme_is_case_insensitive()
    {
        var cases = new (string Name, (string, string)[] Headers, BotWorld Expected)[]
        {
            ("Authorization (C) and X-Api-Key (A)", [("Authorization", "Bearer " + C.ApiKey), ("X-Api-Key", A.ApiKey)], C),
            ("X-Api-Key (A) and Authorization (C)", [("X-Api-Key", A.ApiKey), ("Authorization", "Bearer " + C.ApiKey)], C),
            ("lower-case scheme", [("Authorization", "bearer " + A.ApiKey)], A),
            ("upper-case scheme", [("Authorization", "BEARER " + A.ApiKey)], A),
            ("several spaces after the scheme", [("Authorization", "Bearer    " + A.ApiKey)], A),
            ("white space around X-Api-Key", [("X-Api-Key", "  " + A.ApiKey + "\t")], A),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, headers, expected) in cases)
            {
                var request = new HostileRequest("GET", "/bot", []) { Headers = headers, Label = $"GET /bot with {name}" };
                var answer = await SendRawAsync(request, RawBytes(request));
                Assert.That(answer.Status, Is.EqualTo(200), $"{answer.Label}: {Cut(answer.Body, 300)}");
                if (answer.Status == 200)
                {
                    Assert.That(answer.Json().GetProperty("public_id").GetString(), Is.EqualTo(expected.PublicId), answer.Label);
                }
            }
        }
    }

    /// <summary>A body that is not JSON by its media type is <c>415 unsupported_media_type</c> on every JSON endpoint, before it is read.</summary>
    [Test]
    public async Task Non_json_content_types_are_415_unsupported_media_type_on_every_json_endpoint()
    {
        var types = new[]
        {
            "text/plain", "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
            "application/octet-stream", "application/jsonx", "application/json5", "application/json-seq", "garbage", "application/", "/json",
            ";", "*/*", "application/*", "json",   "application/json/x", "text/event-stream",
            "application/x-" + new string('j', 8 * 1024),
        };
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.HasJsonBody))
            {
                var baseline = Baseline(route, A, safe: true);
                foreach (var type in types.Append(null))
                {
                    var request = baseline with { ContentType = type, Label = $"{route} as {(type is null ? "no Content-Type" : Cut(type, 40))}" };
                    ExpectProblem(await SendRawAsync(request, RawBytes(request)), 415, "unsupported_media_type");
                }
            }
        }
    }

    /// <summary>
    /// Decision (charset): JSON text is UTF-8 (RFC 8259 §8.1, README "JSON"), and RFC 8259 defines no charset parameter
    /// ("adding one has no effect on compliant recipients"). So a charset is ignored: a UTF-8 body is read whatever its
    /// label says, and a body that is not UTF-8 is <c>400 invalid_json</c> whatever its label says, never read in the named
    /// charset. Media-type parameters and case do not matter; <c>+json</c> types are JSON.
    /// </summary>
    [Test]
    public async Task A_charset_is_ignored_utf8_is_read_and_other_encodings_are_400_invalid_json()
    {
        var jsonTypes = new[]
        {
            "APPLICATION/JSON", "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json; charset=iso-8859-1",
            "application/json; charset=utf-16", "application/json; charset=nonsense", "application/json; foo=bar; q=0.1", "application/vnd.chat9+json",
        };
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.HasJsonBody))
            {
                var baseline = Baseline(route, C, safe: true);
                var plain = await SendAsync(baseline with { Label = $"{route} as application/json" });
                foreach (var type in jsonTypes)
                {
                    var answer = await SendAsync(baseline with { ContentType = type, Label = $"{route} as {type}" });
                    Assert.That(answer.Status, Is.Not.EqualTo(415).And.Not.EqualTo(400), $"{answer.Label} is JSON: {Cut(answer.Body, 300)}");
                    Assert.That(answer.Status == plain.Status || answer.Status == 409, Is.True, $"{answer.Label}: answered like application/json ({plain.Status}), got {answer.Status}: {Cut(answer.Body, 300)}");
                }

                var rejected = Baseline(route, A, safe: true);
                var withAccent = HostileValues.WithMember(rejected.Body!, "note", "\"café\"");
                foreach (var (type, bytes) in new[]
                {
                    ("application/json; charset=iso-8859-1", Encoding.Latin1.GetBytes(withAccent)),
                    ("application/json; charset=utf-16", Encoding.Unicode.GetBytes(withAccent)),
                    ("application/json; charset=utf-16be", Encoding.BigEndianUnicode.GetBytes(withAccent)),
                    ("application/json; charset=utf-32", Encoding.UTF32.GetBytes(withAccent)),
                    ("application/json; charset=windows-1252", Encoding.Latin1.GetBytes(withAccent)),
                })
                {
                    var answer = await SendAsync(rejected with { BodyBytes = bytes, ContentType = type, Label = $"{route} encoded as {type}" });
                    ExpectProblem(answer, 400, "invalid_json");
                }
            }
        }
    }

    /// <summary>
    /// <c>POST /chat</c> streams exactly when <c>Accept</c> names <c>text/event-stream</c> and answers JSON otherwise, whatever
    /// else the header holds; <c>/chat/debug</c> is always JSON and <c>/widget/chat</c> always a stream. Accept is never a
    /// reason to refuse (no 406), and locale headers that are not BCP 47 are ignored (pipeline.md "Language").
    /// </summary>
    [Test]
    public async Task Any_accept_or_locale_header_on_the_chat_endpoints_gets_json_or_a_stream()
    {
        var accepts = new (string Value, bool? Stream)[]
        {
            ("text/event-stream", true), ("TEXT/EVENT-STREAM", true), ("application/json, text/event-stream", true),
            ("text/event-stream;q=0", null), ("text/event-stream; charset=utf-16", true), ("*/*", false), ("garbage", false),
            (";;;,,,", false), ("text/", false), ("application/json;q=abc", false), ("image/png", false), ("text/event-stream2", false),
            (string.Join(",", Enumerable.Repeat("a/b;q=0.5", 900)), false),
        };
        var locales = new (string Name, string Value)[]
        {
            ("X-Browser-Locale", "not a locale!"), ("X-Browser-Locale", new string('x', 10_000)), ("X-Browser-Locale", "de-DE-u-" + string.Join("-", Enumerable.Repeat("ab", 500))),
            ("Accept-Language", "*;q=x, de;q=NaN, ;;"), ("Accept-Language", string.Join(",", Enumerable.Repeat("zz-ZZ;q=0.1", 900))),
        };
        using (Assert.EnterMultipleScope())
        {
            foreach (var key in new[] { "POST /chat", "POST /chat/debug", "POST /widget/chat" })
            {
                var route = Routes.Single(r => r.Key == key);
                var baseline = Baseline(route, C);
                var requests = accepts.Select(a => (baseline.WithHeader("Accept", a.Value) with { Label = $"{route} with Accept: {Cut(a.Value, 40)}" }, a.Stream))
                    .Concat(locales.Select(l => (baseline.WithHeader(l.Name, l.Value) with { Label = $"{route} with {l.Name}: {Cut(l.Value, 40)}" }, (bool?)false)));
                foreach (var (request, stream) in requests)
                {
                    var answer = await SendRawAsync(request, RawBytes(request));
                    Assert.That(answer.Status, Is.EqualTo(200), $"{answer.Label}: {Cut(answer.Body, 300)}");
                    var expected = key switch
                    {
                        "POST /chat/debug" => "application/json",
                        "POST /widget/chat" => "text/event-stream",
                        _ => stream switch { true => "text/event-stream", false => "application/json", null => answer.MediaType },
                    };
                    Assert.That(answer.MediaType, Is.EqualTo(expected).And.AnyOf("application/json", "text/event-stream"), answer.Label);
                    if (answer.MediaType == "text/event-stream")
                    {
                        Assert.That(answer.Body, Does.Contain("\"type\":\"done\""), $"{answer.Label}: a whole stream: {Cut(answer.Body, 300)}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Without trusted proxies (the default, and this server) <c>X-Forwarded-For</c> and its relatives are not read at all
    /// (widget.md "Client IP"): garbage, huge and many entries change nothing, the rate limiter included.
    /// </summary>
    [Test]
    public async Task Forwarding_headers_of_any_shape_change_nothing_without_trusted_proxies()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Surface == Surface.Widget || r.Key is "GET /bot" or "POST /chat"))
            {
                var baseline = Baseline(route, C, safe: true);
                var plain = await SendRawAsync(baseline with { Label = $"{route} plain" }, RawBytes(baseline));
                foreach (var (name, headers) in ForwardingGarbage())
                {
                    var request = baseline with { Headers = headers, Label = $"{route} with {name}" };
                    var answer = await SendRawAsync(request, RawBytes(request));
                    Assert.That(answer.Status, Is.EqualTo(plain.Status), $"{answer.Label}: answered like the plain request: {Cut(answer.Body, 300)}");
                }
            }
        }
    }

    /// <summary>
    /// Behind a trusted proxy the forwarded-headers middleware does read <c>X-Forwarded-For</c>: garbage there must not
    /// break it or the rate limiter either (a second server on the same database, the loopback peer trusted).
    /// </summary>
    [Test]
    public async Task Forwarding_garbage_from_a_trusted_proxy_is_tolerated()
    {
        var settings = ServerConfiguration.Concat(new Dictionary<string, string?>
        {
            ["Network:TrustedProxies:0"] = "127.0.0.1",
            ["Network:TrustedProxies:1"] = "::1",
            ["Jobs:PollSeconds"] = "3600",
            ["Ingestion:PollSeconds"] = "3600",
        }).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        await using var proxied = new Chat9WebApiFactory(settings);
        proxied.StartServer();
        using var client = proxied.CreateClient();
        using (Assert.EnterMultipleScope())
        {
            foreach (var path in new[] { $"/widget/config?bot_id={C.PublicId}", $"/widget/history?bot_id={C.PublicId}&session_id={C.WidgetSessionId}" })
            {
                foreach (var (name, headers) in ForwardingGarbage())
                {
                    var raw = new StringBuilder().Append("GET ").Append(path).Append(" HTTP/1.1\r\nHost: ").Append(client.BaseAddress!.Authority).Append("\r\nConnection: close\r\n");
                    foreach (var (header, value) in headers)
                    {
                        raw.Append(header).Append(": ").Append(value).Append("\r\n");
                    }

                    var response = await RawHttp.SendBytesAsync(client.BaseAddress, Encoding.Latin1.GetBytes(raw.Append("\r\n").ToString()), TimeSpan.FromSeconds(30));
                    Assert.That(response.StatusCode, Is.EqualTo(200), $"GET {path} with {name} behind a trusted proxy: {Cut(response.Body, 300)}");
                }
            }
        }

        Assert.That(proxied.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Message), Is.Empty);
    }

    private static IEnumerable<(string Name, (string, string)[] Headers)> ForwardingGarbage()
    {
        yield return ("X-Forwarded-For garbage", [("X-Forwarded-For", "garbage")]);
        yield return ("X-Forwarded-For of invalid addresses", [("X-Forwarded-For", "999.999.999.999, ::::, 1.2.3, [::1, unknown, _hidden")]);
        yield return ("X-Forwarded-For with ports", [("X-Forwarded-For", "1.2.3.4:80, [2001:db8::1]:443, 5.6.7.8:99999")]);
        yield return ("X-Forwarded-For of empty entries", [("X-Forwarded-For", ", , ,")]);
        yield return ("an empty X-Forwarded-For", [("X-Forwarded-For", "")]);
        yield return ("X-Forwarded-For with 1,500 entries", [("X-Forwarded-For", string.Join(", ", Enumerable.Range(0, 1500).Select(i => $"10.{i / 256 % 256}.{i % 256}.1")))]);
        yield return ("a 20 KiB X-Forwarded-For", [("X-Forwarded-For", new string('9', 20 * 1024))]);
        yield return ("50 X-Forwarded-For headers", [.. Enumerable.Range(0, 50).Select(i => ("X-Forwarded-For", $"203.0.113.{i}"))]);
        yield return ("IPv6 scope ids and mapped addresses", [("X-Forwarded-For", "fe80::1%eth0, ::ffff:1.2.3.4, fe80::1%25%32")]);
        yield return ("Forwarded garbage", [("Forwarded", "for=\"[::1\";by=;proto=gopher;host=\"\"\"")]);
        yield return ("X-Forwarded-Host and -Proto garbage", [("X-Forwarded-Host", "evil.example:abc"), ("X-Forwarded-Proto", "javascript"), ("X-Forwarded-Prefix", "/../..")]);
        yield return ("X-Real-IP garbage", [("X-Real-IP", "not an ip"), ("X-Client-IP", "::::"), ("CF-Connecting-IP", "999.1.1.1")]);
    }

    /// <summary>
    /// Hostile <c>Origin</c>s on A's widget endpoints (A allows only <c>shop.example</c>): anything but an http(s) origin
    /// whose host is <c>shop.example</c> is <c>403 origin_not_allowed</c> without CORS headers, so a browser page elsewhere
    /// never reads an answer. An allowed origin gets its own origin echoed, nothing else. A preflight succeeds for any
    /// origin (widget-api.md "CORS": the bot is not known yet) and carries no data.
    /// </summary>
    [Test]
    public async Task Hostile_origins_never_pass_cors_on_the_widget_endpoints()
    {
        static string Utf8(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));
        var refused = new[]
        {
            "https://evil.example", "null", "https://shop.example.evil.example", "https://evilshop.example", "https://shop.example@evil.example",
            "https://evil.example#.shop.example", "https://evil.example/shop.example", "https://evil.example?shop.example", "shop.example",
            "ftp://shop.example", "javascript://shop.example", "file://shop.example", "https://shop.example:99999", "https://shop.example.",
            "https://xn--shp-sna.example", Utf8("https://shöp.example"), "https://*.shop.example", "https://shop.example\\@evil.example",
            "*", "", "https://" + new string('a', 8 * 1024) + ".shop.example", "https://shop.example, https://evil.example",
        };
        var allowed = new[] { "https://shop.example", "http://shop.example", "https://SHOP.EXAMPLE", "https://shop.example:8443" };

        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Surface == Surface.Widget))
            {
                var baseline = Baseline(route, A, safe: true);
                var cases = refused.Select(o => (Name: $"Origin: {Cut(o, 40)}", Headers: new[] { ("Origin", o) }))
                    .Append(("two Origin headers (allowed, refused)", [("Origin", "https://shop.example"), ("Origin", "https://evil.example")]))
                    .Append(("two Origin headers (refused, allowed)", [("Origin", "https://evil.example"), ("Origin", "https://shop.example")]));
                foreach (var (name, headers) in cases)
                {
                    var request = baseline with { Headers = headers, Label = $"{route} with {name}", TransportRejectionAllowed = true };
                    var answer = await SendRawAsync(request, RawBytes(request));
                    if (answer.Status == 400 && answer.Body.Length == 0)
                    {
                        Assert.That(name, Does.Contain("sh\u00C3"), $"only bytes Kestrel refuses may be a bare 400: {answer.Label}");
                        continue;
                    }

                    ExpectProblem(answer, 403, "origin_not_allowed");
                    Assert.That(answer.Header("Access-Control-Allow-Origin"), Is.Null, $"{answer.Label}: no CORS headers on a refused origin");
                }

                var preflight = baseline with { Method = "OPTIONS", Body = null, Headers = [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "POST")], Label = $"preflight of {route}" };
                var preflightAnswer = await SendRawAsync(preflight, RawBytes(preflight));
                Assert.That(preflightAnswer.Status, Is.EqualTo(204), preflightAnswer.Label);
                Assert.That(preflightAnswer.Body, Is.Empty, preflightAnswer.Label);
            }

            // Allowed origins only on the endpoints that change nothing: A is the bot whose data the other families count on.
            foreach (var route in Routes.Where(r => r.Key is "GET /widget/config" or "GET /widget/history"))
            {
                foreach (var origin in allowed)
                {
                    var request = Baseline(route, A).WithHeader("Origin", origin) with { Label = $"{route} with Origin: {origin}" };
                    var answer = await SendRawAsync(request, RawBytes(request));
                    Assert.That(answer.Status, Is.EqualTo(200), $"{answer.Label}: {Cut(answer.Body, 300)}");
                    Assert.That(answer.Header("Access-Control-Allow-Origin"), Is.EqualTo(origin), answer.Label);
                }
            }
        }
    }

    /// <summary>
    /// <c>Idempotency-Key</c> is 1–255 printable ASCII characters, sent once (docs/chat.md); anything else is
    /// <c>422 validation_failed</c> naming the header, in JSON and streaming mode alike, before the turn runs.
    /// </summary>
    [Test]
    public async Task Bad_idempotency_keys_are_422_validation_failed_and_good_ones_work()
    {
        static string Utf8(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));
        var bad = new (string Name, (string, string)[] Headers)[]
        {
            ("an empty key", [("Idempotency-Key", "")]),
            ("256 characters", [("Idempotency-Key", new string('k', 256))]),
            ("10 KiB", [("Idempotency-Key", new string('k', 10 * 1024))]),
            ("a tab", [("Idempotency-Key", "key\twith-tab")]),
            ("a control character", [("Idempotency-Key", "key\u0001")]),
            ("DEL", [("Idempotency-Key", "key\u007F")]),
            ("UTF-8 text", [("Idempotency-Key", Utf8("ключ-😀"))]),
            ("a zero-width space", [("Idempotency-Key", Utf8("key\u200B"))]),
            ("Latin-1 bytes", [("Idempotency-Key", "cl\u00E9")]),
            ("two keys", [("Idempotency-Key", "one"), ("Idempotency-Key", "two")]),
            ("the same key twice", [("Idempotency-Key", "same"), ("Idempotency-Key", "same")]),
        };
        var route = Routes.Single(r => r.Key == "POST /chat");
        using (Assert.EnterMultipleScope())
        {
            foreach (var stream in new[] { false, true })
            {
                var baseline = Baseline(route, C);
                baseline = stream ? baseline.WithHeader("Accept", "text/event-stream") : baseline;
                foreach (var (name, headers) in bad)
                {
                    var request = baseline with { Headers = [.. baseline.Headers, .. headers], Label = $"{route} ({(stream ? "stream" : "JSON")}) with {name} as Idempotency-Key", TransportRejectionAllowed = true };
                    var answer = await SendRawAsync(request, RawBytes(request));
                    if (answer.Status == 400 && answer.Body.Length == 0)
                    {
                        Assert.That(name, Is.AnyOf("a control character", "DEL", "UTF-8 text", "a zero-width space", "Latin-1 bytes"), $"only bytes Kestrel refuses may be a bare 400: {answer.Label}");
                        continue;
                    }

                    ExpectProblem(answer, 422, "validation_failed");
                    AssertErrorsName(answer, "Idempotency-Key");
                }

                foreach (var good in new[] { new string('k', 255), "a", " ~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ".Trim(), Guid.NewGuid().ToString() })
                {
                    var key = (stream ? "s" : "j") + good[1..];
                    var request = baseline.WithHeader("Idempotency-Key", key) with { Label = $"{route} ({(stream ? "stream" : "JSON")}) with the key {Cut(key, 40)}" };
                    var first = await SendRawAsync(request, RawBytes(request));
                    var again = await SendRawAsync(request, RawBytes(request));
                    Assert.That((first.Status, again.Status), Is.EqualTo((200, 200)), $"{request.Label}: {Cut(first.Body, 300)} / {Cut(again.Body, 300)}");
                    Assert.That(again.Header("Idempotency-Replayed"), Is.EqualTo("true"), request.Label);
                }
            }
        }
    }

    /// <summary>
    /// A <c>Content-Length</c> that lies: a body that ends early is not well-formed JSON (<c>400 invalid_json</c>), a
    /// longer one is read only up to the length (the rest is not a request on this connection), and a length that is not
    /// one number is refused by Kestrel (bare 400, RFC 9112 §6.3). Never a 5xx, never a hang.
    /// </summary>
    [Test]
    public async Task Content_lengths_that_lie_are_refused_cleanly()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var key in new[] { "POST /chat", "PATCH /bot", "POST /widget/session/init", "POST /widget/chat", "POST /knowledge/faq" })
            {
                var route = Routes.Single(r => r.Key == key);
                var baseline = Baseline(route, A, safe: true) with { TransportRejectionAllowed = true };
                var body = Encoding.UTF8.GetBytes(baseline.Body!);
                byte[] WithLength(string length, byte[] content) =>
                    [.. RawBytes(baseline with { Body = null, BodyBytes = null, Headers = [.. baseline.Headers, ("Content-Type", "application/json"), ("Content-Length", length)] }, contentLength: false), .. content];

                var shorter = await SendRawAsync(baseline with { Label = $"{route}: body shorter than its Content-Length" }, WithLength((body.Length + 10).ToString(System.Globalization.CultureInfo.InvariantCulture), body), halfClose: true);
                // A client that ends the stream inside the body has gone: Kestrel drops the request without an answer (status 0 here).
                Assert.That(shorter.Status, Is.EqualTo(0).Or.EqualTo(400), $"{shorter.Label}: {shorter.Body}");
                if (shorter.Body.Length > 0)
                {
                    ExpectProblem(shorter, 400, "invalid_json");
                }

                var longer = await SendRawAsync(baseline with { Label = $"{route}: body longer than its Content-Length" }, WithLength((body.Length - 3).ToString(System.Globalization.CultureInfo.InvariantCulture), body));
                ExpectProblem(longer, 400, "invalid_json");

                var zero = await SendRawAsync(baseline with { Label = $"{route}: Content-Length 0 and a body" }, WithLength("0", body));
                ExpectProblem(zero, 400, "invalid_json");

                foreach (var length in new[] { "abc", "-1", "1.5", "0x10", $"{body.Length}, {body.Length + 1}", " ", "99999999999999999999999" })
                {
                    var answer = await SendRawAsync(baseline with { Label = $"{route}: Content-Length '{length}'" }, WithLength(length, body));
                    ExpectTransportRejection(answer, 400, 413);
                }

                byte[] twoLengths = [.. RawBytes(baseline with { Body = null, BodyBytes = null, Headers = [("Content-Type", "application/json"), ("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Content-Length", (body.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))] }, contentLength: false), .. body];
                ExpectTransportRejection(await SendRawAsync(baseline with { Label = $"{route}: two different Content-Lengths" }, twoLengths), 400);

                // Both framings: RFC 9112 §6.3 lets chunked win or the request be refused; either is fine, a 5xx or a desync is not.
                var chunked = Encoding.ASCII.GetBytes($"{body.Length:x}\r\n").Concat(body).Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();
                var both = await SendRawAsync(baseline with { Label = $"{route}: Content-Length and chunked" },
                    [.. RawBytes(baseline with { Body = null, BodyBytes = null, Headers = [("Content-Type", "application/json"), ("Content-Length", "3"), ("Transfer-Encoding", "chunked")] }, contentLength: false), .. chunked]);
                Assert.That(both.Status, Is.LessThan(500), both.Label);
            }
        }
    }
}
