using System.Net.Http.Headers;
using System.Text.Json;

namespace Chat9.FunctionalTests.Infrastructure;

public static class DocumentTestExtensions
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string filename, byte[] content, string? sourceUrl = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", filename);
        if (sourceUrl is not null)
        {
            form.Add(new StringContent(sourceUrl), "source_url");
        }

        return await client.PostAsync("/documents", form);
    }

    /// <summary>Uploads and returns the new document's id, failing the test on anything but 202.</summary>
    public static async Task<Guid> UploadOkAsync(this HttpClient client, string filename, byte[] content, string? sourceUrl = null)
    {
        var response = await client.UploadAsync(filename, content, sourceUrl);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(202), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Polls the document until it leaves queued/processing; returns its final JSON.</summary>
    public static async Task<JsonElement> WaitUntilProcessedAsync(this HttpClient client, Guid documentId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync($"/documents/{documentId}")).RootElement.Clone();
            var status = json.GetProperty("status").GetString();
            if (status is "ready" or "error")
            {
                return json;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"Document still {status}: {json}");
            await Task.Delay(100);
        }
    }

    /// <summary>The chunks <c>POST /chat/debug</c> retrieves for a question.</summary>
    public static async Task<JsonElement> DebugAsync(this HttpClient client, string question)
    {
        var response = await client.PostAsync("/chat/debug", new StringContent(JsonSerializer.Serialize(new { question }), System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
