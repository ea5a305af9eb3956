using System.Text;
using System.Text.Json;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>Malformed JSON, wrong top-level values and wrong member types on every endpoint that reads a JSON body.</summary>
public sealed partial class HostileInputTests
{
    /// <summary>Bodies that are not well-formed JSON (RFC 8259): each is <c>400 invalid_json</c>, before anything else happens.</summary>
    private static IEnumerable<(string Name, Func<string, byte[]> Body)> MalformedBodies()
    {
        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        static byte[] Splice(string baseline, byte[] bytes)
        {
            // The bytes go inside the first string value of the baseline.
            var at = baseline.IndexOf("\":\"", StringComparison.Ordinal) + 3;
            return [.. Encoding.UTF8.GetBytes(baseline[..at]), .. bytes, .. Encoding.UTF8.GetBytes(baseline[at..])];
        }

        yield return ("empty", _ => []);
        yield return ("white space only", _ => Utf8(" \r\n\t "));
        yield return ("truncated by one", b => Utf8(b[..^1]));
        yield return ("truncated in half", b => Utf8(b[..(b.Length / 2)]));
        yield return ("only an opening brace", _ => Utf8("{"));
        yield return ("trailing garbage", b => Utf8(b + "x"));
        yield return ("a second root value", b => Utf8(b + "{}"));
        yield return ("a stray closing brace", b => Utf8(b + "}"));
        yield return ("trailing comma", b => Utf8(b[..^1] + ",}"));
        yield return ("single quotes", b => Utf8(b.Replace('"', '\'')));
        yield return ("unquoted member name", _ => Utf8("{question:\"x\"}"));
        yield return ("comment", b => Utf8("/* hi */" + b));
        yield return ("NaN", _ => Utf8("{\"x\":NaN}"));
        yield return ("Infinity", _ => Utf8("{\"x\":-Infinity}"));
        yield return ("leading zero", _ => Utf8("{\"x\":007}"));
        yield return ("hex number", _ => Utf8("{\"x\":0x1F}"));
        yield return ("raw control character in a string", b => Splice(b, [0x01, 0x0A]));
        yield return ("invalid escape", b => Splice(b, Utf8("\\x41")));
        yield return ("short unicode escape", b => Splice(b, Utf8("\\u12G")));
        yield return ("non-hex unicode escape", b => Splice(b, Utf8("\\uZZZZ")));
        yield return ("invalid UTF-8 byte", b => Splice(b, [0xFF, 0xFE]));
        yield return ("overlong UTF-8 slash", b => Splice(b, [0xC0, 0xAF]));
        yield return ("UTF-8 encoded surrogate", b => Splice(b, [0xED, 0xA0, 0x80]));
        yield return ("truncated UTF-8 sequence", b => Splice(b, [0xE2, 0x82]));
        yield return ("UTF-8 beyond U+10FFFF", b => Splice(b, [0xF4, 0x90, 0x80, 0x80]));
        yield return ("UTF-16 with BOM", b => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(b)]);
        yield return ("10,000 nested arrays", _ => Utf8(new string('[', 10_000)));
        yield return ("10,000 nested arrays, closed", _ => Utf8(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("10,000 nested arrays inside a member", b => Utf8(b[..^1] + ",\"deep\":" + new string('[', 10_000) + new string(']', 10_000) + "}"));
        yield return ("10,000 nested objects", _ => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)));
    }

    [Test]
    public async Task Malformed_json_is_400_invalid_json_on_every_json_endpoint()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.HasJsonBody))
            {
                var baseline = Baseline(route, A);
                foreach (var (name, body) in MalformedBodies())
                {
                    if (name is "empty" && route.Body == BodyKind.OptionalJson)
                    {
                        continue; // No bytes at all is "no body", which these endpoints accept (see the families that may succeed).
                    }

                    var answer = await SendAsync(baseline with { BodyBytes = body(baseline.Body!), Label = $"{route} with {name}" });
                    ExpectProblem(answer, 400, "invalid_json");
                }
            }
        }
    }

    [Test]
    public async Task A_well_formed_body_that_is_not_an_object_is_422_validation_failed()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.HasJsonBody))
            {
                foreach (var root in new[] { "[]", "[{}]", "\"text\"", "42", "-1.5e3", "true", "null", "\"\\ud800\"" })
                {
                    var answer = await SendAsync(Baseline(route, A) with { Body = root, Label = $"{route} with root {root}" });
                    ExpectProblem(answer, 422, "validation_failed");
                }
            }
        }
    }

    /// <summary>
    /// Every member of every body (found by reflection, nested ones included) with every wrong JSON type: a
    /// <c>422 validation_failed</c> whose <c>errors</c> names the member. <c>session/init</c> reads leniently: only
    /// <c>bot_id</c> must be a string, the rest is dropped (200, anonymous).
    /// </summary>
    [Test]
    public async Task A_member_of_the_wrong_type_is_422_naming_it()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.HasJsonBody))
            {
                var baseline = Baseline(route, A);
                foreach (var field in Flatten(route.Fields))
                {
                    foreach (var wrong in HostileValues.WrongTypes(field.Kind, field.ElementKind))
                    {
                        var answer = await SendAsync(baseline with
                        {
                            Body = HostileValues.WithMember(baseline.Body!, field.Path, wrong),
                            Label = $"{route} with {field.Path} = {wrong}",
                        });
                        if (route.LenientBody && field.Path != "bot_id")
                        {
                            Assert.That(answer.Status, Is.EqualTo(200), answer.Label);
                            Assert.That(answer.Json().GetProperty("mode").GetString(), Is.EqualTo("anonymous"), answer.Label);
                            continue;
                        }

                        ExpectProblem(answer, 422, "validation_failed");
                        AssertErrorsName(answer, HostileValues.Root(field.Path));
                    }
                }
            }
        }
    }

    /// <summary>PATCH never ignores a member silently: unknown and read-only ones, at any depth, are 422 naming them.</summary>
    [Test]
    public async Task Patch_rejects_unknown_and_read_only_members()
    {
        var probes = new Dictionary<string, string[]>
        {
            ["PATCH /bot"] = ["id", "public_id", "status", "limits", "identity", "created_at", "escalation.secret", "answering.mode", "bogus", "name "],
            ["PATCH /knowledge/profile"] = ["edited_fields", "extraction_status", "glossary[0].source", "bogus"],
            ["PATCH /documents/sources/{id:guid}"] = ["url", "host", "status", "page_count", "bogus"],
            ["PATCH /escalations/{ticket_number}"] = ["priority", "ticket_number", "user", "bogus"],
        };
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Method == "PATCH" && probes.ContainsKey(r.Key)))
            {
                foreach (var member in probes[route.Key])
                {
                    var body = HostileValues.WithMember(Baseline(route, A).Body!, member, "\"x\"");
                    if (member.StartsWith("glossary", StringComparison.Ordinal))
                    {
                        body = HostileValues.WithMember(HostileValues.WithMember(body, "glossary[0].term", "\"Term\""), "glossary[0].definition", "\"Def\"");
                    }

                    var answer = await SendAsync(Baseline(route, A) with { Body = body, Label = $"{route} with {member}" });
                    ExpectProblem(answer, 422, "validation_failed");
                }
            }

            Assert.That(Routes.Where(r => r.Method == "PATCH").Select(r => r.Key), Is.EquivalentTo(probes.Keys), "every PATCH endpoint is probed");
        }
    }

    private static IEnumerable<BodyField> Flatten(IEnumerable<BodyField> fields)
    {
        foreach (var field in fields)
        {
            yield return field;
            foreach (var member in Flatten(field.Members))
            {
                yield return member;
            }
        }
    }
}
