using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.Testing;

namespace Chat9.FunctionalTests.FirstRun;

/// <summary>
/// Killing the real server (<c>kill -9</c>) while it processes a document or streams an answer, then starting it again:
/// the document still ends ready; the turn's question is kept once, its session is busy only until the lease expires,
/// and its idempotency key is refused as in flight rather than run twice.
/// </summary>
public sealed partial class ServerRestartTests
{
    [Test]
    public async Task KilledMidIngestion_TheRestartedServerFinishesTheDocument()
    {
        var data = Directory.CreateTempSubdirectory("chat9-restart-");
        var environment = new Dictionary<string, string>
        {
            ["Ingestion__LeaseSeconds"] = "2",
            ["Ingestion__PollSeconds"] = "0.2",
            // The test polls the document every 10 ms; keep the management rate limit out of its way.
            ["RateLimits__ManagementPerKeyPerMinute"] = "100000",
        };
        try
        {
            var port = ServerProcess.FreePort();
            Guid documentId;
            string apiKey;
            string statusWhenKilled;
            await using (var server = await ServerProcess.StartAsync(data.FullName, port, environment))
            {
                apiKey = ApiKeyLine().Match(server.Output).Groups[1].Value;
                using var client = ClientWithKey(server, apiKey);
                documentId = await client.UploadOkAsync("big.md", Encoding.UTF8.GetBytes(LargeMarkdown()));
                statusWhenKilled = await WaitWhileQueuedAsync(client, documentId);
                await server.KillAsync();
            }

            await using (var restarted = await ServerProcess.StartAsync(data.FullName, port, environment))
            {
                using var client = ClientWithKey(restarted, apiKey);
                var document = await client.WaitUntilProcessedAsync(documentId, TimeSpan.FromSeconds(90));

                Assert.That(statusWhenKilled, Is.EqualTo("processing"), "the kill must land during processing for this test to mean anything");
                Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), document.ToString());
                Assert.That(document.GetProperty("chunk_count").GetInt32(), Is.GreaterThan(100));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    [Test]
    public async Task KilledMidTurn_TheQuestionIsKeptOnce_AndTheSessionAnswersAgainWhenItsLeaseExpires()
    {
        const string Question = "How do I export my notes?";
        const string Key = "turn-killed-mid-stream";
        await using var model = await FakeOpenAIServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("chat9-restart-");
        var environment = FakeModelEnvironment(
            model,
            // The killed turn's lease lasts 20 + 1 s: long enough to outlive the restart, short enough to wait for.
            ("Models__AnswerTimeoutSeconds", "20"),
            ("Limits__TurnLeaseMarginSeconds", "1"));
        try
        {
            var port = ServerProcess.FreePort();
            string apiKey;
            Guid sessionId;
            await using (var server = await ServerProcess.StartAsync(data.FullName, port, environment))
            {
                (apiKey, sessionId) = await OpenSessionAsync(server);
                using var client = ClientWithKey(server, apiKey);

                model.TokenDelay = TimeSpan.FromMilliseconds(100);
                model.ChunkCount = 200;
                using var request = ChatRequest(Question, sessionId, Key);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                Assert.That((int)response.StatusCode, Is.EqualTo(200));
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
                while (await reader.ReadLineAsync() is { } line && !line.Contains("\"type\":\"chunk\"", StringComparison.Ordinal))
                {
                }

                await server.KillAsync();
            }

            model.TokenDelay = TimeSpan.Zero;
            model.ChunkCount = 5;
            await using (var restarted = await ServerProcess.StartAsync(data.FullName, port, environment))
            {
                using var client = ClientWithKey(restarted, apiKey);
                var afterRestart = await TranscriptAsync(client, sessionId);

                using var retry = ChatRequest(Question, sessionId, Key);
                var retried = await client.SendAsync(retry);
                var retriedBody = await retried.Content.ReadAsStringAsync();

                using var busyRequest = ChatRequest("What formats can I export to?", sessionId, key: null);
                var busy = await client.SendAsync(busyRequest);
                var busyBody = await busy.Content.ReadAsStringAsync();

                var deadline = DateTime.UtcNow.AddSeconds(60);
                string? answer = null;
                while (answer is null && DateTime.UtcNow < deadline)
                {
                    using var next = ChatRequest("What formats can I export to?", sessionId, key: null);
                    var response = await client.SendAsync(next);
                    answer = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
                }

                var final = await TranscriptAsync(client, sessionId);
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(afterRestart[^1], Is.EqualTo(("user", Question)), "the killed turn's question is stored, with no reply");
                    Assert.That((int)retried.StatusCode, Is.EqualTo(409), retriedBody);
                    Assert.That(retriedBody, Does.Contain("\"code\":\"idempotency_in_flight\""), "the killed request's key is not run twice");
                    Assert.That((int)busy.StatusCode, Is.EqualTo(409), busyBody);
                    Assert.That(busyBody, Does.Contain("\"code\":\"session_busy\""), "the killed turn's lease still holds the session");
                    Assert.That(answer, Is.Not.Null, "the session answers again once the killed turn's lease expired");
                    Assert.That(final.Count(m => m == ("user", Question)), Is.EqualTo(1), "the question is stored once");
                    Assert.That(final.Skip(afterRestart.Count).Select(m => m.Role), Is.EqualTo(new[] { "user", "assistant" }));
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A graceful stop (SIGTERM) while an answer streams: the host waits <c>shutdownTimeoutSeconds</c> for requests,
    /// then aborts the stream; the turn stores what it had written as an interrupted answer and releases its session, so
    /// after the restart the transcript is whole and the session answers at once.
    /// </summary>
    [Test]
    public async Task StoppedGracefullyMidTurn_TheStreamedTextIsStoredAsInterrupted_AndTheSessionIsFree()
    {
        const string Question = "How do I export my notes?";
        await using var model = await FakeOpenAIServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("chat9-restart-");
        var environment = FakeModelEnvironment(model, ("shutdownTimeoutSeconds", "2"));
        try
        {
            var port = ServerProcess.FreePort();
            string apiKey;
            Guid sessionId;
            var received = new StringBuilder();
            await using (var server = await ServerProcess.StartAsync(data.FullName, port, environment))
            {
                (apiKey, sessionId) = await OpenSessionAsync(server);
                using var client = ClientWithKey(server, apiKey);

                model.TokenDelay = TimeSpan.FromMilliseconds(100);
                model.ChunkCount = 300;
                using var request = ChatRequest(Question, sessionId, key: null);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
                var chunks = 0;
                while (chunks < 5 && await reader.ReadLineAsync() is { } line)
                {
                    received.Append(line).Append('\n');
                    chunks += line.Contains("\"type\":\"chunk\"", StringComparison.Ordinal) ? 1 : 0;
                }

                var stopping = server.TerminateAsync(TimeSpan.FromSeconds(30));
                try
                {
                    while (await reader.ReadLineAsync() is { } line)
                    {
                        received.Append(line).Append('\n');
                    }
                }
                catch (HttpIOException)
                {
                    // The host aborted the stream at the end of its shutdown timeout.
                }
                catch (IOException)
                {
                }

                await stopping;
            }

            model.TokenDelay = TimeSpan.Zero;
            model.ChunkCount = 5;
            await using (var restarted = await ServerProcess.StartAsync(data.FullName, port, environment))
            {
                using var client = ClientWithKey(restarted, apiKey);
                var afterRestart = JsonDocument.Parse(await client.GetStringAsync($"/chat/sessions/{sessionId}")).RootElement.GetProperty("messages").EnumerateArray().ToList();
                using var next = ChatRequest("What formats can I export to?", sessionId, key: null);
                var answered = await client.SendAsync(next);

                var interrupted = afterRestart[^1];
                // The abort can cut the stream between a frame's line and its blank line: close that frame.
                var frames = received.ToString();
                var sent = SseStream.Parse(frames.EndsWith("\n\n", StringComparison.Ordinal) ? frames : frames + "\n").ChunkText;
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(afterRestart[^2].GetProperty("content").GetString(), Is.EqualTo(Question));
                    Assert.That(interrupted.GetProperty("role").GetString(), Is.EqualTo("assistant"));
                    Assert.That(interrupted.GetProperty("interrupted").GetBoolean(), Is.True, interrupted.ToString());
                    // The server stores what it wrote; frames written just before the abort may not reach the client.
                    Assert.That(sent, Is.Not.Empty);
                    Assert.That(interrupted.GetProperty("content").GetString(), Does.StartWith(sent), "everything the visitor saw is stored");
                    Assert.That((int)answered.StatusCode, Is.EqualTo(200), "the stopped turn released its session");
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>The server's settings with <paramref name="model"/> as its answer model (no guard, no embeddings), chat limits out of the way.</summary>
    private static Dictionary<string, string> FakeModelEnvironment(FakeOpenAIServer model, params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Models__Provider"] = "openai_compatible",
            ["Models__Endpoint"] = model.OpenAIEndpoint,
            ["Models__AnswerModel"] = "fake-answer",
            ["Models__GuardModel"] = "none",
            ["Models__EmbeddingModel"] = "none",
            ["Limits__SessionTurnWaitSeconds"] = "1",
            ["RateLimits__ChatPerKeyPerMinute"] = "100000",
            ["RateLimits__ManagementPerKeyPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>On the first start: the demo bot's key from the banner, its documents ready, and a session with one answered turn.</summary>
    private static async Task<(string ApiKey, Guid SessionId)> OpenSessionAsync(ServerProcess server)
    {
        var apiKey = ApiKeyLine().Match(server.Output).Groups[1].Value;
        using var client = ClientWithKey(server, apiKey);
        await WaitForDemoDocumentsAsync(client);
        var answer = JsonDocument.Parse(await PostChatOkAsync(client, "Can I share a notebook?", null)).RootElement;
        return (apiKey, answer.GetProperty("session_id").GetGuid());
    }

    private static HttpClient ClientWithKey(ServerProcess server, string apiKey)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    private static HttpRequestMessage ChatRequest(string question, Guid? sessionId, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/chat")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { question, session_id = sessionId }), Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private static async Task<string> PostChatOkAsync(HttpClient client, string question, Guid? sessionId)
    {
        using var request = ChatRequest(question, sessionId, key: null);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        return body;
    }

    private static async Task<List<(string Role, string Content)>> TranscriptAsync(HttpClient client, Guid sessionId)
    {
        var transcript = JsonDocument.Parse(await client.GetStringAsync($"/chat/sessions/{sessionId}")).RootElement;
        return [.. transcript.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!))];
    }

    /// <summary>The demo bot's sample documents are ingested on first start; questions about them need them ready.</summary>
    private static async Task WaitForDemoDocumentsAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var items = JsonDocument.Parse(await client.GetStringAsync("/documents")).RootElement.GetProperty("items").EnumerateArray().ToList();
            if ((items.Count > 0 && items.All(d => d.GetProperty("status").GetString() == "ready")) || DateTime.UtcNow > deadline)
            {
                Assert.That(items.Select(d => d.GetProperty("status").GetString()), Is.Not.Empty.And.All.EqualTo("ready"));
                return;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Polls until the worker has taken the document (returns "processing", or whatever it found if it was faster).</summary>
    private static async Task<string> WaitWhileQueuedAsync(HttpClient client, Guid documentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = JsonDocument.Parse(await client.GetStringAsync($"/documents/{documentId}")).RootElement.GetProperty("status").GetString()!;
            if (status != "queued" || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(10);
        }
    }

    /// <summary>About 4 MB of Markdown: several seconds of chunking with real token counts, so the kill lands mid-way.</summary>
    private static string LargeMarkdown()
    {
        var builder = new StringBuilder();
        for (var section = 0; builder.Length < 4_000_000; section++)
        {
            builder.Append("## Section ").Append(section).Append("\n\n");
            for (var paragraph = 0; paragraph < 4; paragraph++)
            {
                builder.Append("Notewell keeps section ").Append(section).Append(" in sync across devices; paragraph ")
                    .Append(paragraph).Append(" explains exports, imports, sharing and billing in plain words. ")
                    .Append("Every sentence here is ordinary prose so the chunker has real work to do.\n\n");
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"API key       : (ck_[A-Za-z0-9_-]{43})")]
    private static partial Regex ApiKeyLine();
}
