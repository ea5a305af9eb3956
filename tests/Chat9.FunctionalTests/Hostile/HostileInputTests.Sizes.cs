using System.Text;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>Huge strings, huge arrays and multi-megabyte bodies: each refused with its documented code, never read whole, never a 5xx.</summary>
public sealed partial class HostileInputTests
{
    private const int JsonBodyMaxBytes = 64 * 1024;

    [Test]
    public async Task Json_bodies_over_64_KiB_are_413_payload_too_large_with_or_without_a_length()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.HasJsonBody))
            {
                var baseline = Baseline(route, A);
                foreach (var (name, size, chunked) in new[] { ("just over the limit", JsonBodyMaxBytes + 1, false), ("3 MiB", 3 << 20, false), ("3 MiB chunked", 3 << 20, true) })
                {
                    var padded = HostileValues.WithMember(baseline.Body!, "pad", "\"\"");
                    var body = padded.Replace("\"pad\":\"\"", $"\"pad\":\"{new string('a', size - padded.Length)}\"", StringComparison.Ordinal);
                    Assert.That(Encoding.UTF8.GetByteCount(body), Is.EqualTo(size));
                    var answer = await SendAsync(baseline with { Body = body, Chunked = chunked, Label = $"{route} with a {name} body" });
                    ExpectProblem(answer, 413, "payload_too_large");
                    if (answer.Status == 413)
                    {
                        Assert.That(answer.Json().GetProperty("max_bytes").GetInt32(), Is.EqualTo(JsonBodyMaxBytes), answer.Label);
                    }
                }
            }
        }
    }

    /// <summary>An endpoint that reads no body ignores one, however big: it answers as it would without it.</summary>
    [Test]
    public async Task A_3_MiB_body_on_an_endpoint_without_one_is_ignored()
    {
        var junk = new string('x', 3 << 20);
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r is { Body: BodyKind.None, Method: not ("GET" or "HEAD") }))
            {
                var answer = await SendAsync(Baseline(route, A, safe: true) with { Body = junk, ContentType = "application/octet-stream", Label = $"{route} with a 3 MiB body" });
                ExpectSuccessOrRejected(answer);
            }
        }
    }

    /// <summary>A 60,000-character value (inside the body limit) in every string member: refused with the member's own code.</summary>
    [Test]
    public async Task A_huge_string_in_any_member_is_refused_with_its_documented_code()
    {
        var huge = new string('a', 60_000);
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.HasJsonBody))
            {
                var baseline = Baseline(route, A, safe: true);
                foreach (var field in Flatten(route.Fields).Where(f => f.Kind is FieldKind.Text or FieldKind.Any || f.ElementKind == FieldKind.Text))
                {
                    var path = field.ElementKind == FieldKind.Text ? field.Path + "[0]" : field.Path;
                    var answer = await SendAsync(baseline with
                    {
                        Body = HostileValues.WithMember(baseline.Body!, path, HostileValues.JsonLiteral(huge)),
                        Label = $"{route} with 60,000 characters in {path}",
                    });
                    ExpectHugeValueAnswer(route, field, answer);
                }
            }
        }
    }

    [Test]
    public async Task Huge_arrays_are_refused()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.HasJsonBody))
            {
                var baseline = Baseline(route, A, safe: true);
                foreach (var field in Flatten(route.Fields).Where(f => f.Kind == FieldKind.Array))
                {
                    var element = field.ElementKind == FieldKind.Object ? "{\"term\":\"t\",\"definition\":\"d\"}" : "\"a\"";
                    foreach (var count in new[] { 50_000 / (element.Length + 1), 200_000 })
                    {
                        var answer = await SendAsync(baseline with
                        {
                            Body = HostileValues.WithMember(baseline.Body!, field.Path, "[" + string.Join(",", Enumerable.Repeat(element, count)) + "]"),
                            Label = $"{route} with {count:N0} items in {field.Path}",
                        });
                        if (count == 200_000)
                        {
                            ExpectProblem(answer, 413, "payload_too_large");
                            continue;
                        }

                        ExpectProblem(answer, 422, "validation_failed");
                        AssertErrorsName(answer, HostileValues.Root(field.Path));
                    }
                }
            }
        }
    }

    /// <summary>Thousands of members a PATCH does not know: one 422 naming them, answered quickly.</summary>
    [Test]
    public async Task Thousands_of_unknown_members_in_a_patch_are_one_422()
    {
        var members = string.Join(",", Enumerable.Range(0, 4_000).Select(i => $"\"m{i}\":{i}"));
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Method == "PATCH"))
            {
                var baseline = Baseline(route, A);
                var body = baseline.Body![..^1] + "," + members + "}";
                var started = DateTime.UtcNow;
                var answer = await SendAsync(baseline with { Body = body, Label = $"{route} with 4,000 unknown members" });
                ExpectProblem(answer, 422, "validation_failed");
                Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(5)), answer.Label);
            }
        }
    }

    /// <summary>What a 60,000-character value gets, member by member (the contract's codes).</summary>
    private static void ExpectHugeValueAnswer(HostileRoute route, BodyField field, HostileAnswer answer)
    {
        switch (route.Key, field.Path)
        {
            case ("POST /chat" or "POST /chat/debug", "question"):
            case ("POST /widget/chat", "message"):
                ExpectProblem(answer, 413, "message_too_long");
                if (answer.Status == 413)
                {
                    Assert.That(answer.Json().GetProperty("max_chars").GetInt32(), Is.EqualTo(1000), answer.Label);
                }

                break;
            case ("POST /chat" or "POST /chat/debug", "session_id"):
                ExpectProblem(answer, 422, "session_invalid");
                break;
            case ("POST /widget/session/init", "bot_id"):
                ExpectProblem(answer, 404, "bot_not_found");
                break;
            case ("POST /widget/chat", "locale"):
                Assert.That(answer.Status, Is.EqualTo(200), $"an invalid locale is ignored, never an error: {answer.Label}");
                break;
            case ("POST /widget/session/init", _):
                Assert.That(answer.Status, Is.EqualTo(200), answer.Label);
                Assert.That(answer.Json().GetProperty("mode").GetString(), Is.EqualTo("anonymous"), answer.Label);
                break;
            case ("POST /documents/sources/url", "url"):
                Assert.That(answer.Status, Is.EqualTo(422), answer.Label);
                Assert.That(answer.Code, Is.AnyOf("validation_failed", "invalid_url"), answer.Label);
                break;
            default:
                ExpectProblem(answer, 422, "validation_failed");
                AssertErrorsName(answer, HostileValues.Root(field.Path));
                break;
        }
    }
}
