using System.Text;
using System.Text.Json;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>
/// Fuzzed <c>multipart/form-data</c> on every upload endpoint (<see cref="BodyKind.Multipart"/>): broken framing, parts
/// without the right headers, two files, hostile filenames and part headers, wrong media types and charsets. Each is
/// accepted as the contract says (<c>202</c>), or refused with a documented code (docs/knowledge.md "Upload",
/// management-api.md "Documents"); afterwards the bot holds exactly the documents that were accepted. Sent as the
/// scratch bot C, byte for byte over a raw socket.
/// </summary>
public sealed partial class HostileInputTests
{
    private const string Boundary = "----chat9-hostile-boundary";

    /// <summary>What a multipart case must get: <c>202</c>, or a problem with this status and code.</summary>
    private sealed record MultipartExpectation(int Status, string? Code)
    {
        public static readonly MultipartExpectation Accepted = new(202, null);

        /// <summary>Framing that is not multipart/form-data at all (no boundary, no closing delimiter, over the part limits).</summary>
        public static readonly MultipartExpectation Malformed = new(400, "invalid_multipart");

        public static readonly MultipartExpectation NoFile = new(422, "validation_failed");

        public static readonly MultipartExpectation NotForm = new(415, "unsupported_media_type");
    }

    [Test]
    public async Task Fuzzed_multipart_bodies_are_accepted_or_refused_with_documented_codes_and_nothing_half_stored()
    {
        var uploadRoutes = Routes.Where(r => r.Body == BodyKind.Multipart).ToList();
        Assert.That(uploadRoutes, Is.Not.Empty);
        foreach (var route in uploadRoutes)
        {
            var before = await DocumentIdsAsync(C);
            var accepted = new List<(string Case, Guid Id, string Filename)>();
            using (Assert.EnterMultipleScope())
            {
                var i = 0;
                foreach (var (name, contentType, body, expected) in MultipartCases())
                {
                    var request = Baseline(route, C) with
                    {
                        ContentType = contentType,
                        BodyBytes = body(i++),
                        Label = $"{route}: {name}",
                    };
                    var answer = await SendRawAsync(request, RawBytes(request));
                    if (expected.Code is null)
                    {
                        Assert.That(answer.Status, Is.EqualTo(expected.Status), $"{answer.Label}: {Cut(answer.Body, 400)}");
                    }
                    else
                    {
                        ExpectProblem(answer, expected.Status, expected.Code);
                    }

                    if (answer.Status == 202)
                    {
                        var document = answer.Json();
                        accepted.Add((name, document.GetProperty("id").GetGuid(), document.GetProperty("filename").GetString()!));
                    }
                }

                foreach (var (name, _, filename) in accepted)
                {
                    Assert.That(filename.Length, Is.InRange(1, 255), $"{name}: {filename}");
                    Assert.That(filename.Any(char.IsControl) || filename.Contains('/') || filename.Contains('\\'), Is.False,
                        $"{name}: the stored name is the last path segment without control characters: {JsonSerializer.Serialize(filename)}");
                }
            }

            var after = await DocumentIdsAsync(C);
            Assert.That(after, Is.EquivalentTo(before.Concat(accepted.Select(a => a.Id))),
                $"{route}: the bot holds exactly what was accepted ({string.Join(", ", accepted.Select(a => a.Case))})");
        }
    }

    private async Task<List<Guid>> DocumentIdsAsync(BotWorld world)
    {
        var answer = await SendAsync(new HostileRequest("GET", "/documents", [("limit", "200")]) { ApiKey = world.ApiKey, Label = "the document list" });
        Assert.That(answer.Status, Is.EqualTo(200), answer.Body);
        var page = answer.Json();
        Assert.That(page.GetProperty("next_cursor").ValueKind, Is.EqualTo(JsonValueKind.Null), "one page holds them all");
        return [.. page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];
    }

    /// <summary>Each case: a name, the Content-Type header (null: none), the body for case number n, and what it must get.</summary>
    private static IEnumerable<(string Name, string? ContentType, Func<int, byte[]> Body, MultipartExpectation Expected)> MultipartCases()
    {
        const string Form = "multipart/form-data; boundary=" + Boundary;
        static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
        static byte[] Markdown(int n) => Text($"# Hostile upload {n}\n\nOpen Settings and choose Print ({Guid.NewGuid():N}).\n");
        static byte[] Part(string headers, byte[] content, string boundary = Boundary) =>
            [.. Text($"--{boundary}\r\n{headers}\r\n\r\n"), .. content, .. Text("\r\n")];
        static byte[] FilePart(string filename, byte[] content, string field = "file", string boundary = Boundary, string extraHeaders = "") =>
            Part($"Content-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\nContent-Type: text/markdown{extraHeaders}", content, boundary);
        static byte[] Close(string boundary = Boundary) => Text($"--{boundary}--\r\n");
        static byte[] Whole(params byte[][] parts) => [.. parts.SelectMany(p => p)];
        static string Latin1(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

        // Valid uploads.
        yield return ("a valid upload", Form, n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("a quoted boundary", $"multipart/form-data; boundary=\"{Boundary}\"", n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("a preamble and an epilogue", Form, n => Whole(Text("preamble junk\r\n"), FilePart($"notes-{n}.md", Markdown(n)), Close(), Text("epilogue junk")), MultipartExpectation.Accepted);
        yield return ("a charset on the form", Form + "; charset=utf-16", n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("a wrong charset on the part", Form, n => Whole(FilePart($"notes-{n}.md", Markdown(n), extraHeaders: "; charset=utf-16"), Close()), MultipartExpectation.Accepted);
        yield return ("no Content-Type on the part", Form, n => Whole(Part($"Content-Disposition: form-data; name=\"file\"; filename=\"notes-{n}.md\"", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("a source_url field", Form, n => Whole(Part("Content-Disposition: form-data; name=\"source_url\"", Text("https://docs.example/hostile")), FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("two boundary parameters (the first counts, as for any media-type parameter)", $"multipart/form-data; boundary={Boundary}; boundary=other", n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("an unknown extra field", Form, n => Whole(Part("Content-Disposition: form-data; name=\"comment\"", Text("hello")), FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);

        // Hostile filenames: accepted, and stored as the last path segment without control characters, at most 255 characters.
        yield return ("a path in the filename", Form, n => Whole(FilePart($"../../etc/notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("a Windows path in the filename", Form, n => Whole(FilePart($"C:\\\\Windows\\\\notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("a NUL in the filename", Form, n => Whole(FilePart($"notes\0-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("control characters in the filename", Form, n => Whole(FilePart($"notes\u0001\u001B[31m-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("an RTL override in the filename", Form, n => Whole(FilePart(Latin1($"\u202Edm.{n}-exe.md"), Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("zero-width characters in the filename", Form, n => Whole(FilePart(Latin1($"no\u200Btes\uFEFF-{n}.md"), Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("an RFC 5987 filename*", Form, n => Whole(Part($"Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''%E2%80%AEnotes-{n}%00.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("a 4 KiB filename", Form, n => Whole(FilePart(new string('a', 4096) + $"-{n}.md", Markdown(n)), Close()), MultipartExpectation.Accepted);
        yield return ("a filename of only a path", Form, n => Whole(FilePart("../../", Markdown(n)), Close()), MultipartExpectation.NoFile);
        yield return ("an empty filename", Form, n => Whole(FilePart(string.Empty, Markdown(n)), Close()), MultipartExpectation.NoFile);

        // Refused with the upload's own codes.
        yield return ("an empty file", Form, n => Whole(FilePart($"empty-{n}.md", []), Close()), new MultipartExpectation(422, "empty_file"));
        yield return ("an executable named .md", Form, n => Whole(FilePart($"tool-{n}.md", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00]), Close()), new MultipartExpectation(415, "unsupported_type"));
        yield return ("an unknown extension", Form, n => Whole(FilePart($"notes-{n}.exe", Markdown(n)), Close()), new MultipartExpectation(415, "unsupported_type"));
        yield return ("a javascript: source_url", Form, n => Whole(Part("Content-Disposition: form-data; name=\"source_url\"", Text("javascript:alert(1)")), FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.NoFile);

        // No file where the contract wants one: 422 validation_failed.
        yield return ("the file under another name", Form, n => Whole(FilePart($"notes-{n}.md", Markdown(n), field: "document"), Close()), MultipartExpectation.NoFile);
        yield return ("file as a plain field", Form, n => Whole(Part("Content-Disposition: form-data; name=\"file\"", Markdown(n)), Close()), MultipartExpectation.NoFile);
        yield return ("only a source_url field", Form, n => Whole(Part("Content-Disposition: form-data; name=\"source_url\"", Text("https://docs.example/x")), Close()), MultipartExpectation.NoFile);
        yield return ("a part without Content-Disposition (RFC 7578 §4.2: it must have one)", Form, n => Whole(Part("Content-Type: text/markdown", Markdown(n)), Close()), MultipartExpectation.Malformed);
        yield return ("an attachment disposition", Form, n => Whole(Part($"Content-Disposition: attachment; name=\"file\"; filename=\"notes-{n}.md\"", Markdown(n)), Close()), MultipartExpectation.NoFile);
        yield return ("a garbage Content-Disposition", Form, n => Whole(Part("Content-Disposition: ;;;=\"\"", Markdown(n)), Close()), MultipartExpectation.Malformed);
        yield return ("no parts at all", Form, n => Close(), MultipartExpectation.NoFile);

        // Two files in the one field the contract names.
        yield return ("two file parts", Form, n => Whole(FilePart($"first-{n}.md", Markdown(n)), FilePart($"second-{n}.md", Markdown(n + 1000)), Close()), new MultipartExpectation(422, "validation_failed"));

        // Not multipart/form-data by its media type: 415 unsupported_media_type.
        yield return ("no Content-Type", null, n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.NotForm);
        yield return ("multipart/mixed", "multipart/mixed; boundary=" + Boundary, n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.NotForm);
        yield return ("application/json", "application/json", n => Text("{\"file\":\"x\"}"), MultipartExpectation.NotForm);
        yield return ("text/markdown", "text/markdown", Markdown, MultipartExpectation.NotForm);
        yield return ("application/octet-stream", "application/octet-stream", Markdown, MultipartExpectation.NotForm);
        yield return ("a garbage Content-Type", ";;;", n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.NotForm);
        yield return ("a url-encoded form", "application/x-www-form-urlencoded", n => Text("file=x&source_url=y"), MultipartExpectation.NotForm);

        // Broken framing: 400 invalid_multipart.
        yield return ("no boundary parameter", "multipart/form-data", n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Malformed);
        yield return ("an empty boundary", "multipart/form-data; boundary=", n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Malformed);
        yield return ("a boundary of 200 characters", "multipart/form-data; boundary=" + new string('b', 200), n => Whole(FilePart($"notes-{n}.md", Markdown(n), boundary: new string('b', 200)), Close(new string('b', 200))), MultipartExpectation.Malformed);
        yield return ("a boundary the body does not use", "multipart/form-data; boundary=other", n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close()), MultipartExpectation.Malformed);
        yield return ("an empty body", Form, n => [], MultipartExpectation.Malformed);
        yield return ("a body of garbage", Form, n => Text("this is not multipart at all"), MultipartExpectation.Malformed);
        yield return ("no closing boundary", Form, n => FilePart($"notes-{n}.md", Markdown(n)), MultipartExpectation.Malformed);
        yield return ("truncated inside the file", Form, n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close())[..(Boundary.Length + 120)], MultipartExpectation.Malformed);
        yield return ("truncated inside the part headers", Form, n => Whole(FilePart($"notes-{n}.md", Markdown(n)), Close())[..(Boundary.Length + 30)], MultipartExpectation.Malformed);
        yield return ("part headers without an end", Form, n => Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.md\"\r\n"), MultipartExpectation.Malformed);
        yield return ("a part header of 20 KiB", Form, n => Whole(FilePart($"notes-{n}.md", Markdown(n), extraHeaders: "\r\nX-Padding: " + new string('p', 20 * 1024)), Close()), MultipartExpectation.Malformed);
        yield return ("200 part headers", Form, n => Whole(FilePart($"notes-{n}.md", Markdown(n), extraHeaders: string.Concat(Enumerable.Range(0, 200).Select(h => $"\r\nX-H{h}: v"))), Close()), MultipartExpectation.Malformed);
        yield return ("a part header line without a colon", Form, n => Whole(FilePart($"notes-{n}.md", Markdown(n), extraHeaders: "\r\nnot a header line"), Close()), MultipartExpectation.Malformed);
    }
}
