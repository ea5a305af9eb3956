using System.Net.Http.Headers;
using System.Text.Json;
using Chat9.Application.Bots.CreateBot;
using Chat9.Domain.Sessions;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Chat9.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Chat;

/// <summary>A server with the Notewell sample documentation indexed for one bot, and helpers to chat with it.</summary>
public abstract class ChatFixtureBase(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    public const string DocsBase = "https://docs.notewell.example/";

    /// <summary>The question <see cref="PasswordResetBotAsync"/>'s one document answers.</summary>
    protected const string PasswordResetQuestion = "How long is the password reset link valid?";

    private Lazy<Task<CreatedBotDto>>? _notewell;
    private Lazy<Task<CreatedBotDto>>? _passwordReset;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:ChatPerKeyPerMinute"] = "10000",
        ["RateLimits:ManagementPerKeyPerMinute"] = "10000",
    };

    /// <summary>
    /// The settings of a fixture whose answer model is <paramref name="model"/> (guard and embeddings off unless
    /// <paramref name="overrides"/> switch them on), with chat limits out of the way.
    /// </summary>
    protected static Dictionary<string, string?> FakeAnswerModelSettings(FakeOpenAIServer model, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Models:Provider"] = "openai_compatible",
            ["Models:Endpoint"] = model.OpenAIEndpoint,
            ["Models:AnswerModel"] = "fake-answer",
            ["Models:GuardModel"] = "none",
            ["Models:EmbeddingModel"] = "none",
            ["RateLimits:ChatPerKeyPerMinute"] = "10000",
            ["RateLimits:ManagementPerKeyPerMinute"] = "10000",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A bot with every document of samples/ ready, each with a source URL (created once per fixture).</summary>
    protected Task<CreatedBotDto> NotewellBotAsync() => (_notewell ??= new Lazy<Task<CreatedBotDto>>(CreateNotewellBotAsync)).Value;

    protected HttpClient NotewellClient(CreatedBotDto bot) => ClientWithKey(bot.ApiKey);

    /// <summary>A bot whose one ready document answers <see cref="PasswordResetQuestion"/> (created once per fixture): the fault suites' subject.</summary>
    protected Task<CreatedBotDto> PasswordResetBotAsync() => (_passwordReset ??= new Lazy<Task<CreatedBotDto>>(async () =>
    {
        var bot = await CreateBotAsync("Password reset");
        using var management = ClientWithKey(bot.ApiKey);
        var id = await management.UploadOkAsync("password.md", System.Text.Encoding.UTF8.GetBytes(
            "# Password reset\n\nThe password reset link in the e-mail is valid for one hour. After that, ask for a new link from the sign-in page."));
        Assert.That((await management.WaitUntilProcessedAsync(id)).GetProperty("status").GetString(), Is.EqualTo("ready"));
        return bot;
    })).Value;

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

    /// <summary><c>POST /chat</c> with an <c>Idempotency-Key</c> (sent as is, even when malformed).</summary>
    protected static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chat") { Content = Json(JsonSerializer.Serialize(new { question })) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>A stored message, read straight from the database.</summary>
    protected async Task<Message> StoredMessageAsync(Guid id)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Chat9DbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>A session's stored messages, oldest first.</summary>
    protected async Task<List<Message>> TranscriptAsync(Guid sessionId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var messages = await scope.ServiceProvider.GetRequiredService<Chat9DbContext>().Messages.AsNoTracking().Where(m => m.SessionId == sessionId).ToListAsync();
        return [.. messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)];
    }

    /// <summary>The messages of the bot's most recently started session, oldest first.</summary>
    protected async Task<List<Message>> TranscriptOfLatestSessionAsync(Guid botId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<Chat9DbContext>().Sessions.AsNoTracking()
            .Where(s => s.BotId == botId).Select(s => new { s.Id, s.StartedAt }).ToListAsync();
        return await TranscriptAsync(latest.OrderBy(s => s.StartedAt).Last().Id);
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
