using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Chat9.Application.Demo.SeedDemoBot;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Widget;

/// <summary><c>GET /widget.js</c> (cacheable, validated, compressed, usable from any origin) and the demo pages.</summary>
public sealed class WidgetScriptAndDemoTests(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    private static readonly string ScriptSource = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "src", "WebApi", "Widget", "widget.js"));

    [Test]
    public async Task The_script_is_served_with_the_contract_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        request.Headers.Add("Origin", "https://any-customer.example");

        var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/javascript; charset=utf-8"));
        Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=300"));
        Assert.That(response.Headers.ETag?.IsWeak, Is.False, "a strong ETag");
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
        Assert.That(response.Headers.GetValues("Cross-Origin-Resource-Policy").Single(), Is.EqualTo("cross-origin"));
        Assert.That(body, Is.EqualTo(ScriptSource));
    }

    [Test]
    public async Task If_none_match_answers_304_while_the_script_is_unchanged()
    {
        var first = await Client.GetAsync("/widget.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123456789abcdef0123456789abcdef\""));

        var revalidated = await Client.SendAsync(again);
        var changed = await Client.SendAsync(stale);

        Assert.That(revalidated.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(revalidated.Headers.ETag, Is.EqualTo(first.Headers.ETag));
        Assert.That(await revalidated.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("br")]
    [TestCase("gzip")]
    public async Task The_script_is_compressed_when_the_client_accepts_it(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        var response = await Client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.Content.Headers.ContentEncoding.Single(), Is.EqualTo(encoding));
        Assert.That(response.Headers.Vary, Does.Contain("Accept-Encoding"));
        using var input = new MemoryStream(compressed);
        await using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(ScriptSource));
        Assert.That(compressed.Length, Is.LessThan(30 * 1024), "the size budget of widget.md (30 KB compressed)");
    }

    [Test]
    public async Task The_demo_page_embeds_the_widget_for_the_demo_bot()
    {
        var seeded = await SendAsync(new SeedDemoBotCommand(Reset: false, Client.BaseAddress!.ToString()));

        var response = await Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain($"src=\"/widget.js\" data-bot-id=\"{seeded.PublicId}\""));
        Assert.That(html, Does.Not.Contain("{{"), "every placeholder is filled");
        Assert.That(html, Does.Contain("/demo/docs/export-and-import"));
    }

    [Test]
    public async Task A_sample_document_is_a_page_with_its_markdown_rendered_and_unknown_ones_are_404()
    {
        var response = await Client.GetAsync("/demo/docs/export-and-import");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<h2").And.Contain("Export"));
        Assert.That(html, Does.Not.Contain("{{"));
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/demo/docs/no-such-page"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/demo/docs/..%2F..%2Fappsettings"), HttpStatusCode.NotFound, "not_found");
    }
}

/// <summary><c>Demo:PageEnabled=false</c>: no demo page, no sample pages, the widget script still served.</summary>
public sealed class DemoPageDisabledTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Demo:PageEnabled"] = "false" };

    [Test]
    public async Task The_demo_pages_are_404_and_the_script_stays()
    {
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/demo/docs/getting-started"), HttpStatusCode.NotFound, "not_found");
        Assert.That((await Client.GetAsync("/widget.js")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
