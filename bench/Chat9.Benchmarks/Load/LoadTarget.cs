using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Chat9.Benchmarks.Chat;

namespace Chat9.Benchmarks.Load;

/// <summary>
/// The servers of a load run, each its own child process: the fake OpenAI-compatible model streaming at a set token
/// rate, Chat9 (SQLite in a temporary folder, production logging, widget limits out of the way) with one bot whose
/// knowledge base is <see cref="BenchKnowledgeBase"/>, and the bot's public id and allowed origin for the widget API.
/// </summary>
public sealed class LoadTarget : IAsyncDisposable
{
    /// <summary>The model's reply: no citation markers, so Chat9 streams it unchanged and <c>done.text</c> equals it.</summary>
    public const string Reply =
        "To export your notes, open Settings and choose Export. Pick the notebooks to include and the format you need; " +
        "the file is prepared in the background and a download link appears when it is ready. Large exports can take a " +
        "few minutes, and you can leave the page while it runs.";

    public const string Origin = "https://bench.test";

    private LoadTarget(string root, ChildServer model, ChildServer chat9, string dataPath)
    {
        Root = root;
        Model = model;
        Chat9 = chat9;
        DataPath = dataPath;
    }

    public string Root { get; }

    public ChildServer Model { get; }

    public ChildServer Chat9 { get; }

    public string DataPath { get; }

    public string DatabaseFile => Path.Combine(DataPath, "chat9.db");

    public string PublicId { get; private set; } = null!;

    public BenchKnowledgeBase Knowledge { get; } = new();

    /// <summary>Chunk frames of one answer as Chat9 streams it (from the probe turn).</summary>
    public int ChunkFrames { get; private set; }

    /// <summary>The probe turn's frames, for the bare server's replay.</summary>
    public string[] Frames { get; private set; } = [];

    public static async Task<LoadTarget> StartAsync(string root, int modelChunks, double tokenMs, int answerTimeoutSeconds)
    {
        var capture = Path.Combine(root, "model-request.json");
        var model = await ChildServer.StartAsync(root, "model", Reply, capture,
            modelChunks.ToString(System.Globalization.CultureInfo.InvariantCulture), tokenMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var dataPath = Path.Combine(root, "data");
        const string Unlimited = "100000000";
        var chat9 = await ChildServer.StartAsync(root,
        [
            "chat9", "--Urls=http://127.0.0.1:0", $"--Data:Path={dataPath}", "--Database:Provider=Sqlite", "--Demo:SeedOnFirstRun=false",
            "--Models:Provider=openai_compatible", $"--Models:Endpoint={model.BaseAddress}v1", "--Models:AnswerModel=fake-answer",
            "--Models:GuardModel=none", "--Models:EmbeddingModel=none", $"--Models:AnswerTimeoutSeconds={answerTimeoutSeconds}",
            "--RateLimits:ChatPerKeyPerMinute=" + Unlimited, "--RateLimits:ManagementPerKeyPerMinute=" + Unlimited,
            "--RateLimits:UploadsPerBotPerHour=100000", "--Limits:MaxKnowledgeItems=1000",
            "--RateLimits:WidgetSessionInitPerIpPerMinute=" + Unlimited, "--RateLimits:WidgetChatPerIpPerMinute=" + Unlimited,
            "--RateLimits:WidgetChatPerBotPerMinute=" + Unlimited, "--RateLimits:WidgetHistoryPerIpPerMinute=" + Unlimited,
            // The knowledge jobs (profile, FAQ suggestions, gaps) would run during the measurement: leave them out.
            "--Jobs:Workers=0",
            .. ChildServe.ProductionLogging,
        ]);
        var target = new LoadTarget(root, model, chat9, dataPath);
        await target.PrepareAsync();
        return target;
    }

    public HttpRequestMessage InitRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/widget/session/init") { Content = Json(new { bot_id = PublicId }) };
        request.Headers.Add("Origin", Origin);
        return request;
    }

    public HttpRequestMessage ChatRequest(Guid sessionId, string message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/chat?bot_id={PublicId}&session_id={sessionId}") { Content = Json(new { message }) };
        request.Headers.Add("Origin", Origin);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }

    public HttpRequestMessage HistoryRequest(Guid sessionId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/widget/history?bot_id={PublicId}&session_id={sessionId}");
        request.Headers.Add("Origin", Origin);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await Chat9.DisposeAsync();
        await Model.DisposeAsync();
    }

    private async Task PrepareAsync()
    {
        var apiKey = await ChatTurnReport.CreateBotAsync(new Dictionary<string, string?> { ["Data:Path"] = DataPath, ["Database:Provider"] = "Sqlite" });
        using var management = ChatTurnReport.Client(Chat9.BaseAddress);
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var patch = await management.PatchAsync("/bot", Json(new { allowed_domains = new[] { "bench.test" } }));
        var bot = JsonDocument.Parse(await patch.Content.ReadAsStringAsync()).RootElement;
        if (!patch.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PATCH /bot: {bot}");
        }

        PublicId = bot.GetProperty("public_id").GetString()!;
        await Knowledge.UploadAsync(management, TimeSpan.FromMinutes(20));

        using var client = ChatTurnReport.Client(Chat9.BaseAddress, timeout: TimeSpan.FromMinutes(10));
        var init = await client.SendAsync(InitRequest());
        var session = JsonDocument.Parse(await init.Content.ReadAsStringAsync()).RootElement.GetProperty("session_id").GetGuid();
        Frames = await StreamedTurn.CaptureAsync(client, ChatRequest(session, Knowledge.Questions[0]));
        ChunkFrames = Frames.Count(f => f.StartsWith("data: {\"type\":\"chunk\"", StringComparison.Ordinal));
        var done = Frames.LastOrDefault(f => f.StartsWith("data: {\"type\":\"done\"", StringComparison.Ordinal));
        if (done is null || JsonDocument.Parse(done[6..]).RootElement.GetProperty("text").GetString() != Reply)
        {
            throw new InvalidOperationException("The probe turn did not stream the model's reply:\n" + string.Join('\n', Frames));
        }
    }

    private static ByteArrayContent Json(object value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
