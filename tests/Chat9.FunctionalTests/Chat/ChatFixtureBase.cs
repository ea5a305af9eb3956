using System.Net.Http.Headers;
using System.Text.Json;
using Chat9.Application.Bots.CreateBot;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Chat;

/// <summary>A server with the Notewell sample documentation indexed for one bot, and helpers to chat with it.</summary>
public abstract class ChatFixtureBase(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    public const string DocsBase = "https://docs.notewell.example/";

    private Lazy<Task<CreatedBotDto>>? _notewell;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:ChatPerKeyPerMinute"] = "10000",
        ["RateLimits:ManagementPerKeyPerMinute"] = "10000",
    };

    /// <summary>A bot with every document of samples/ ready, each with a source URL (created once per fixture).</summary>
    protected Task<CreatedBotDto> NotewellBotAsync() => (_notewell ??= new Lazy<Task<CreatedBotDto>>(CreateNotewellBotAsync)).Value;

    protected HttpClient NotewellClient(CreatedBotDto bot) => ClientWithKey(bot.ApiKey);

    protected async Task<JsonElement> AskAsync(HttpClient client, string question, Guid? sessionId = null)
    {
        var response = await client.PostAsync("/chat", Json(JsonSerializer.Serialize(new { question, session_id = sessionId })));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Sends a widget message over a raw socket and parses the stream strictly.</summary>
    protected async Task<(RawHttpResponse Response, SseStream? Stream)> WidgetChatAsync(
        string publicBotId, string message, Guid? sessionId = null, params (string Name, string Value)[] headers)
    {
        var query = $"/widget/chat?bot_id={Uri.EscapeDataString(publicBotId)}" + (sessionId is { } id ? $"&session_id={id}" : string.Empty);
        var response = await RawHttp.SendAsync(Client.BaseAddress!, "POST", query, JsonSerializer.Serialize(new { message }), [("Accept", "text/event-stream"), .. headers]);
        return (response, response.StatusCode == 200 ? SseStream.Parse(response.Body) : null);
    }

    protected static string SampleSlug(string file) => Path.GetFileNameWithoutExtension(file);

    private async Task<CreatedBotDto> CreateNotewellBotAsync()
    {
        var bot = await CreateBotAsync("Notewell");
        using var client = ClientWithKey(bot.ApiKey);
        var ids = new List<Guid>();
        foreach (var file in Directory.GetFiles(SamplesFolder(), "*.md").Order())
        {
            ids.Add(await client.UploadOkAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), DocsBase + SampleSlug(file)));
        }

        foreach (var id in ids)
        {
            var document = await client.WaitUntilProcessedAsync(id);
            Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), document.ToString());
        }

        return bot;
    }

    /// <summary>The samples shipped next to the server (the WebApi copies them to its output, and so to ours).</summary>
    private static string SamplesFolder()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        return Directory.Exists(samples) ? samples : throw new DirectoryNotFoundException($"No samples/ in {AppContext.BaseDirectory}.");
    }
}
