using System.Net.Http.Headers;
using System.Text.Json;
using Chat9.Application.Bots.RotateIdentitySecret;
using Chat9.Domain.Tickets;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Widget;

/// <summary>The Notewell bot of <see cref="ChatFixtureBase"/> plus helpers for every public widget endpoint.</summary>
public abstract class WidgetFixtureBase(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    /// <summary>Widget limits high enough that only the rate-limit fixtures ever meet them.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:ChatPerKeyPerMinute"] = "10000",
        ["RateLimits:ManagementPerKeyPerMinute"] = "10000",
        ["RateLimits:WidgetSessionInitPerIpPerMinute"] = "10000",
        ["RateLimits:WidgetChatPerIpPerMinute"] = "10000",
        ["RateLimits:WidgetChatPerBotPerMinute"] = "10000",
        ["RateLimits:WidgetHistoryPerIpPerMinute"] = "10000",
        ["RateLimits:WidgetEscalatePerIpPerMinute"] = "10000",
        ["RateLimits:WidgetConfigPerIpPerMinute"] = "10000",
    };

    protected async Task<HttpResponseMessage> InitAsync(object body, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/widget/session/init") { Content = Json(JsonSerializer.Serialize(body)) };
        AddOrigin(request, origin);
        return await Client.SendAsync(request);
    }

    /// <summary>A new session of <paramref name="publicBotId"/>; returns the parsed 200 body.</summary>
    protected async Task<JsonElement> InitOkAsync(string publicBotId, string? identityToken = null, object? userHints = null, string? locale = null)
    {
        var response = await InitAsync(new { bot_id = publicBotId, identity_token = identityToken, user_hints = userHints, locale });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    protected async Task<HttpResponseMessage> HistoryAsync(string publicBotId, string? sessionId, string? origin = null)
    {
        var query = $"/widget/history?bot_id={Uri.EscapeDataString(publicBotId)}" + (sessionId is null ? string.Empty : $"&session_id={Uri.EscapeDataString(sessionId)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        AddOrigin(request, origin);
        return await Client.SendAsync(request);
    }

    protected async Task<HttpResponseMessage> EscalateAsync(string publicBotId, string? sessionId, object? body, string? origin = null)
    {
        var query = $"/widget/escalate?bot_id={Uri.EscapeDataString(publicBotId)}" + (sessionId is null ? string.Empty : $"&session_id={Uri.EscapeDataString(sessionId)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, query);
        if (body is not null)
        {
            request.Content = Json(JsonSerializer.Serialize(body));
        }

        AddOrigin(request, origin);
        return await Client.SendAsync(request);
    }

    protected async Task<HttpResponseMessage> ConfigAsync(string publicBotId, string? locale = null, string? origin = null)
    {
        var query = $"/widget/config?bot_id={Uri.EscapeDataString(publicBotId)}" + (locale is null ? string.Empty : $"&locale={Uri.EscapeDataString(locale)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        AddOrigin(request, origin);
        return await Client.SendAsync(request);
    }

    /// <summary>A new identity secret for the bot; the plaintext is returned once, like the admin CLI prints it.</summary>
    protected async Task<string> RotateIdentitySecretAsync(string publicBotId) =>
        (await SendAsync(new RotateIdentitySecretCommand(publicBotId))).IdentitySecret;

    protected async Task<List<Ticket>> TicketsOfSessionAsync(Guid sessionId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Chat9DbContext>().Tickets.AsNoTracking().Where(t => t.SessionId == sessionId).ToListAsync();
    }

    protected async Task<Domain.Sessions.Session> StoredSessionAsync(Guid sessionId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Chat9DbContext>().Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
    }

    private static void AddOrigin(HttpRequestMessage request, string? origin)
    {
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }
    }

    protected static MediaTypeHeaderValue? MediaType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
