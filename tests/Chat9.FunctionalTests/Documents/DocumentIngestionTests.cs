using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Documents;

/// <summary>Every supported format goes through the real upload, the background worker and search.</summary>
public sealed class DocumentIngestionTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    private const string ExportGuide = """
        ---
        title: Export
        ---
        import { Callout } from '@site/components';

        # Exporting your notes

        Notewell keeps your notes portable.

        ## Download as PDF

        Open **Settings → Export**, choose **PDF**, pick the notebooks to include and press *Start export*.
        The file downloads as soon as it is ready.

        <Callout type="info">Exports of more than 500 notes are split into several files.</Callout>

        ## Billing

        Invoices are e-mailed on the first day of every month.
        """;

    [Test]
    public async Task Markdown_BecomesReady_AndIsFoundByAParaphrasedQuestion()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);

        var id = await client.UploadOkAsync("export.md", TestFiles.Utf8(ExportGuide), "https://docs.notewell.example/export");
        var document = await client.WaitUntilProcessedAsync(id);
        var debug = await client.DebugAsync("how can I download my notebooks to a pdf file?");

        var top = debug.GetProperty("retrieval").GetProperty("chunks")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), document.ToString());
            Assert.That(document.GetProperty("file_type").GetString(), Is.EqualTo("markdown"));
            Assert.That(document.GetProperty("chunk_count").GetInt32(), Is.GreaterThan(0));
            Assert.That(document.GetProperty("health").GetProperty("score").GetInt32(), Is.InRange(0, 100));
            Assert.That(document.GetProperty("source_url").GetString(), Is.EqualTo("https://docs.notewell.example/export"));
            Assert.That(top.GetProperty("document_id").GetGuid(), Is.EqualTo(id));
            Assert.That(top.GetProperty("text").GetString(), Does.Contain("Settings → Export"));
            Assert.That(top.GetProperty("text").GetString(), Does.Not.Contain("import {").And.Not.Contain("title: Export"), "front matter and JSX are stripped");
            Assert.That(top.GetProperty("source_url").GetString(), Is.EqualTo("https://docs.notewell.example/export"));
            Assert.That(top.GetProperty("lexical_rank").GetInt32(), Is.EqualTo(1));
            Assert.That(top.GetProperty("fused_score").GetDouble(), Is.EqualTo(1.0 / 61).Within(1e-6));
            Assert.That(top.GetProperty("in_context").GetBoolean(), Is.True);
            Assert.That(debug.GetProperty("retrieval").GetProperty("mode").GetString(), Is.EqualTo("lexical"));
            Assert.That(debug.GetProperty("retrieval").GetProperty("confidence").GetDouble(), Is.GreaterThan(0.35));
        }
    }

    [Test]
    public async Task EveryFormat_IsIndexedAndSearchable()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        var uploads = new (string Name, byte[] Content, string Question, string Expected)[]
        {
            ("notes.txt", TestFiles.Utf8("Offline mode\n\nThe mobile app keeps the last 50 opened notes available without a connection.\n\nSync resumes automatically."),
                "can I read notes without internet connection", "without a connection"),
            ("sharing.html", TestFiles.Utf8("""
                <html><head><title>Sharing</title><script>var tracking = 1;</script></head>
                <body><nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>
                <main><h1 id="share">Sharing a note</h1><p>Click <b>Share</b>, then <i>Copy link</i>. Anyone with the link can view the note.</p></main>
                <footer>© Notewell</footer></body></html>
                """), "how to give someone a link to view my note", "Copy link"),
            ("security.pdf", TestFiles.Pdf(["Account security", "Two-factor authentication protects your account."], ["Enable it under Settings then Security then Two-factor."]),
                "enable two-factor authentication", "Two-factor"),
            ("billing.docx", TestFiles.Docx("Refunds", "Annual plans are refundable within 14 days of purchase.", "Monthly plans are not refundable."),
                "how do I get a refund for my annual plan", "refundable within 14 days"),
        };

        var ids = new List<Guid>();
        foreach (var upload in uploads)
        {
            ids.Add(await client.UploadOkAsync(upload.Name, upload.Content));
        }

        for (var i = 0; i < uploads.Length; i++)
        {
            var document = await client.WaitUntilProcessedAsync(ids[i]);
            Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), $"{uploads[i].Name}: {document}");
            var chunks = (await client.DebugAsync(uploads[i].Question)).GetProperty("retrieval").GetProperty("chunks");
            Assert.That(chunks.GetArrayLength(), Is.GreaterThan(0), uploads[i].Name);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(chunks[0].GetProperty("document_id").GetGuid(), Is.EqualTo(ids[i]), $"{uploads[i].Name}: {chunks[0]}");
                Assert.That(chunks[0].GetProperty("text").GetString(), Does.Contain(uploads[i].Expected), uploads[i].Name);
            }
        }
    }

    [Test]
    public async Task Html_DropsNavigationScriptsAndFooters()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        var id = await client.UploadOkAsync("page.htm", TestFiles.Utf8("""
            <html><body><nav>Pricing Careers Blog</nav><script>window.secretTracker()</script>
            <article><h2>Templates</h2><p>Create a template from any note with More then Save as template.</p></article>
            <footer>Careers at Notewell</footer></body></html>
            """));
        await client.WaitUntilProcessedAsync(id);

        var chunks = (await client.DebugAsync("save a note as template")).GetProperty("retrieval").GetProperty("chunks");
        var allText = string.Join("\n", chunks.EnumerateArray().Select(c => c.GetProperty("text").GetString()));

        Assert.That(allText, Does.Contain("Save as template"));
        Assert.That(allText, Does.Not.Contain("secretTracker").And.Not.Contain("Careers"));
    }

    [Test]
    public async Task OpenApiSpecs_AnswerHowToCreateWithTheRightOperation()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        var openApi = """
            {"openapi":"3.0.3","info":{"title":"Notewell API","version":"2"},
             "paths":{
               "/notebooks":{"get":{"operationId":"listNotebooks","summary":"List notebooks","tags":["Notebooks"],"responses":{"200":{"description":"The notebooks"}}},
                             "post":{"operationId":"createNotebook","summary":"Create a notebook","tags":["Notebooks"],
                                     "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/NewNotebook"}}}},
                                     "responses":{"201":{"description":"Created"}}}},
               "/notes/{id}":{"delete":{"operationId":"deleteNote","summary":"Delete a note","tags":["Notes"],
                              "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"204":{"description":"Deleted"}}}}},
             "components":{"schemas":{"NewNotebook":{"type":"object","required":["title"],"properties":{"title":{"type":"string","description":"Shown in the sidebar"},"color":{"type":"string"}}}}}}
            """;
        var swaggerYaml = """
            swagger: "2.0"
            info: { title: Webhooks API, version: "1" }
            paths:
              /webhooks:
                post:
                  operationId: createWebhook
                  summary: Register a webhook
                  parameters:
                    - in: body
                      name: body
                      required: true
                      schema: { $ref: "#/definitions/Webhook" }
                  responses: { "201": { description: Registered } }
            definitions:
              Webhook:
                type: object
                properties:
                  url: { type: string, description: Where events are posted }
            """;

        var jsonId = await client.UploadOkAsync("notewell.json", TestFiles.Utf8(openApi));
        var yamlId = await client.UploadOkAsync("webhooks.yaml", TestFiles.Utf8(swaggerYaml));
        var json = await client.WaitUntilProcessedAsync(jsonId);
        var yaml = await client.WaitUntilProcessedAsync(yamlId);

        var notebook = (await client.DebugAsync("how do I create a notebook?")).GetProperty("retrieval").GetProperty("chunks")[0];
        var webhook = (await client.DebugAsync("how do I register a webhook?")).GetProperty("retrieval").GetProperty("chunks")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.GetProperty("file_type").GetString(), Is.EqualTo("openapi"));
            Assert.That(json.GetProperty("chunk_count").GetInt32(), Is.EqualTo(3), "one chunk per operation");
            Assert.That(yaml.GetProperty("status").GetString(), Is.EqualTo("ready"), yaml.ToString());
            Assert.That(notebook.GetProperty("text").GetString(), Does.Contain("POST /notebooks").And.Contain("title"));
            Assert.That(notebook.GetProperty("heading_path").EnumerateArray().Select(h => h.GetString()), Does.Contain("POST /notebooks"));
            Assert.That(webhook.GetProperty("text").GetString(), Does.Contain("POST /webhooks").And.Contain("url"));
        }
    }

    [Test]
    public async Task DeletingADocument_RemovesItFromTheVeryNextSearch_AndReindexKeepsItFindable()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        var id = await client.UploadOkAsync("export.md", TestFiles.Utf8(ExportGuide));
        await client.WaitUntilProcessedAsync(id);
        Assert.That((await client.DebugAsync("download pdf")).GetProperty("retrieval").GetProperty("chunks").GetArrayLength(), Is.GreaterThan(0));

        var reindex = await client.PostAsync($"/documents/{id}/reindex", null);
        var reindexBody = await ReadJsonAsync(reindex);
        var afterReindex = await client.WaitUntilProcessedAsync(id);
        var stillFound = (await client.DebugAsync("download pdf")).GetProperty("retrieval").GetProperty("chunks").GetArrayLength();

        var deleted = await client.DeleteAsync($"/documents/{id}");
        var afterDelete = (await client.DebugAsync("download pdf")).GetProperty("retrieval").GetProperty("chunks").GetArrayLength();
        var getDeleted = await client.GetAsync($"/documents/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reindex.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(reindexBody.GetProperty("status").GetString(), Is.EqualTo("queued"));
            Assert.That(afterReindex.GetProperty("status").GetString(), Is.EqualTo("ready"));
            Assert.That(stillFound, Is.GreaterThan(0));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(afterDelete, Is.Zero);
            Assert.That(getDeleted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task Health_IsReportedWithWarnings_AndCanBeRunAgain()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        var id = await client.UploadOkAsync("short.txt", TestFiles.Utf8("Just a few words here. TODO write the rest"));
        await client.WaitUntilProcessedAsync(id);

        var health = await ReadJsonAsync(await client.GetAsync($"/documents/{id}/health"));
        var rerun = await client.PostAsync($"/documents/{id}/health/run", null);

        var codes = health.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(health.GetProperty("document_id").GetGuid(), Is.EqualTo(id));
            Assert.That(codes, Does.Contain("too_short").And.Contain("incomplete_section"));
            Assert.That(health.GetProperty("score").GetInt32(), Is.LessThan(100));
            Assert.That(rerun.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task ListDocuments_PagesAndFilters()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        for (var i = 0; i < 3; i++)
        {
            await client.UploadOkAsync($"doc{i}.txt", TestFiles.Utf8($"Document number {i} talks about topic {i} at length."));
        }

        var firstPage = await ReadJsonAsync(await client.GetAsync("/documents?limit=2"));
        var secondPage = await ReadJsonAsync(await client.GetAsync($"/documents?limit=2&cursor={firstPage.GetProperty("next_cursor").GetString()}"));
        var byType = await ReadJsonAsync(await client.GetAsync("/documents?file_type=text&origin=upload"));
        var none = await ReadJsonAsync(await client.GetAsync("/documents?file_type=pdf"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstPage.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(firstPage.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(firstPage.GetProperty("items")[0].GetProperty("filename").GetString(), Is.EqualTo("doc2.txt"), "newest first");
            Assert.That(secondPage.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
            Assert.That(secondPage.GetProperty("next_cursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(byType.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(none.GetProperty("total").GetInt32(), Is.Zero);
        }
    }

    [TestCase("?limit=0", "limit")]
    [TestCase("?limit=201", "limit")]
    [TestCase("?limit=abc", "limit")]
    [TestCase("?offset=-1", "offset")]
    [TestCase("?offset=1&cursor=eyJvIjoxfQ", "cursor")]
    [TestCase("?cursor=not-a-cursor", "cursor")]
    [TestCase("?status=done", "status")]
    [TestCase("?file_type=exe", "file_type")]
    public async Task ListDocuments_WithBadParameters_Is422(string query, string field)
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);

        await ProblemAssert.IsValidationFailureAsync(await client.GetAsync("/documents" + query), field);
    }

    [Test]
    public async Task ABotsDocuments_AreInvisibleToAnotherBot()
    {
        var owner = await CreateBotAsync("Owner");
        var other = await CreateBotAsync("Other");
        using var ownerClient = ClientWithKey(owner.ApiKey);
        using var otherClient = ClientWithKey(other.ApiKey);
        var id = await ownerClient.UploadOkAsync("export.md", TestFiles.Utf8(ExportGuide));
        await ownerClient.WaitUntilProcessedAsync(id);

        var otherSearch = (await otherClient.DebugAsync("download pdf")).GetProperty("retrieval").GetProperty("chunks");
        var otherGet = await otherClient.GetAsync($"/documents/{id}");
        var otherDelete = await otherClient.DeleteAsync($"/documents/{id}");
        var otherList = await ReadJsonAsync(await otherClient.GetAsync("/documents"));
        var unknown = await otherClient.GetAsync($"/documents/{Guid.NewGuid()}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(otherSearch.GetArrayLength(), Is.Zero);
            Assert.That(otherList.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(await otherGet.Content.ReadAsStringAsync(), Does.Not.Contain(id.ToString()));
        }

        var foreignProblem = await ProblemAssert.IsProblemAsync(otherGet, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(otherDelete, HttpStatusCode.NotFound, "not_found");
        var unknownProblem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
        Assert.That(foreignProblem.GetProperty("detail").GetString(), Is.EqualTo(unknownProblem.GetProperty("detail").GetString()));
        Assert.That((await ownerClient.GetAsync($"/documents/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the owner's document is untouched");
    }
}
