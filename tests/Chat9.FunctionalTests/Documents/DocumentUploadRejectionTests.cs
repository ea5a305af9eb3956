using System.Net;
using System.Text;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Documents;

/// <summary>Hostile and broken uploads get the documented answer, and the server stays healthy.</summary>
public sealed class DocumentUploadRejectionTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Limits:MaxKnowledgeItems"] = "3",
    };

    [Test]
    public async Task EmptyFile_Is422EmptyFile()
    {
        using var client = await NewBotClientAsync();

        await ProblemAssert.IsProblemAsync(await client.UploadAsync("empty.md", []), HttpStatusCode.UnprocessableEntity, "empty_file");
    }

    [Test]
    public async Task MissingFile_Is422NamingTheField()
    {
        using var client = await NewBotClientAsync();
        using var form = new MultipartFormDataContent { { new StringContent("https://x.test"), "source_url" } };

        await ProblemAssert.IsValidationFailureAsync(await client.PostAsync("/documents", form), "file");
    }

    [Test]
    public async Task JsonInsteadOfMultipart_Is415()
    {
        using var client = await NewBotClientAsync();

        var response = await client.PostAsync("/documents", Json("""{"file":"x"}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Test]
    public async Task SixtyMegabyteFile_Is413FileTooLarge()
    {
        using var client = await NewBotClientAsync();
        var big = new byte[60 * 1024 * 1024];
        Array.Fill(big, (byte)'a');

        // Like any well-behaved client of large uploads, wait for the server's go-ahead before sending the body.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var problem = await ProblemAssert.IsProblemAsync(await client.UploadAsync("big.txt", big), HttpStatusCode.RequestEntityTooLarge, "file_too_large");

        Assert.That(problem.GetProperty("max_bytes").GetInt64(), Is.EqualTo(52_428_800));
    }

    [Test]
    public async Task ExecutableRenamedPdf_Is415()
    {
        using var client = await NewBotClientAsync();
        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);

        await ProblemAssert.IsProblemAsync(await client.UploadAsync("invoice.pdf", exe), HttpStatusCode.UnsupportedMediaType, "unsupported_type");
    }

    [Test]
    public async Task LegacyWordFile_Is415WithTheDocxHint()
    {
        using var client = await NewBotClientAsync();
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var problem = await ProblemAssert.IsProblemAsync(await client.UploadAsync("manual.doc", ole), HttpStatusCode.UnsupportedMediaType, "unsupported_type");

        Assert.That(problem.GetProperty("hint").GetString(), Is.EqualTo("Save the file as .docx and upload it again."));
    }

    [Test]
    public async Task JsonThatIsNotOpenApi_Is415WithAHint()
    {
        using var client = await NewBotClientAsync();

        var problem = await ProblemAssert.IsProblemAsync(
            await client.UploadAsync("data.json", TestFiles.Utf8("""{"name":"not an api"}""")), HttpStatusCode.UnsupportedMediaType, "unsupported_type");

        Assert.That(problem.GetProperty("hint").GetString(), Does.Contain("OpenAPI"));
    }

    [Test]
    public async Task UnknownExtension_Is415()
    {
        using var client = await NewBotClientAsync();

        await ProblemAssert.IsProblemAsync(await client.UploadAsync("setup.exe", [0x4D, 0x5A, 1, 2]), HttpStatusCode.UnsupportedMediaType, "unsupported_type");
    }

    [Test]
    public async Task PathTraversalFilename_IsStoredAsItsLastSegment()
    {
        using var client = await NewBotClientAsync();

        var id = await client.UploadOkAsync("../../etc/passwd.md", TestFiles.Utf8("# Passwords\n\nReset your password from the sign-in page."));
        var document = await ReadJsonAsync(await client.GetAsync($"/documents/{id}"));

        Assert.That(document.GetProperty("filename").GetString(), Is.EqualTo("passwd.md"));
    }

    [Test]
    public async Task SameContentTwice_Is409WithTheExistingId()
    {
        using var client = await NewBotClientAsync();
        var content = TestFiles.Utf8("# Same\n\nIdentical content uploaded twice.");
        var first = await client.UploadOkAsync("a.md", content);

        var problem = await ProblemAssert.IsProblemAsync(await client.UploadAsync("b.md", content), HttpStatusCode.Conflict, "duplicate_document");

        Assert.That(problem.GetProperty("existing_document_id").GetGuid(), Is.EqualTo(first));
    }

    [Test]
    public async Task OverTheItemLimit_Is409WithTheLimit()
    {
        using var client = await NewBotClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.UploadOkAsync($"{i}.txt", TestFiles.Utf8($"Document {i} of the limit test."));
        }

        var problem = await ProblemAssert.IsProblemAsync(await client.UploadAsync("4.txt", TestFiles.Utf8("One too many.")), HttpStatusCode.Conflict, "knowledge_limit_reached");

        Assert.That(problem.GetProperty("limit").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task InvalidSourceUrl_Is422()
    {
        using var client = await NewBotClientAsync();

        await ProblemAssert.IsValidationFailureAsync(await client.UploadAsync("a.md", TestFiles.Utf8("# A\n\ntext"), "javascript:alert(1)"), "source_url");
    }

    [Test]
    public async Task CorruptPdf_EndsInErrorWithAReadableReason()
    {
        using var client = await NewBotClientAsync();

        var id = await client.UploadOkAsync("broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage garbage"));
        var document = await client.WaitUntilProcessedAsync(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("error"));
            Assert.That(document.GetProperty("error").GetProperty("code").GetString(), Is.AnyOf("parse_failed", "no_text"));
            Assert.That(document.GetProperty("error").GetProperty("message").GetString(), Is.Not.Empty.And.Not.Contain("Exception"));
            Assert.That(document.GetProperty("chunk_count").GetInt32(), Is.Zero);
        }

        Assert.That((await Client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ZipBombDisguisedAsDocx_EndsInErrorTooLargeUncompressed()
    {
        using var client = await NewBotClientAsync();

        var id = await client.UploadOkAsync("innocent.docx", TestFiles.ZipBombDocx(64L * 1024 * 1024));
        var document = await client.WaitUntilProcessedAsync(id);

        Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(document.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("too_large_uncompressed"));
        Assert.That((await Client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TextWithoutReadableContent_EndsInErrorNoText()
    {
        using var client = await NewBotClientAsync();

        var id = await client.UploadOkAsync("blank.md", TestFiles.Utf8("   \n\n   \n"));
        var document = await client.WaitUntilProcessedAsync(id);

        Assert.That(document.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("no_text"));
    }

    private async Task<HttpClient> NewBotClientAsync() => ClientWithKey((await CreateBotAsync()).ApiKey);
}
