using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>
/// A customer's webhook endpoint on a loopback port: records every request and answers with the next status of a
/// script (then 200), the way a flaky receiver would. It checks signatures the way docs/operations.md tells receivers to.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver!.Received.Enqueue(new ReceivedWebhook(context.Request.Path, headers, body, DateTimeOffset.UtcNow));
            context.Response.StatusCode = receiver._script.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(new Uri(address), "/hooks/chat9"));
        return receiver;
    }

    /// <summary>The next requests get these statuses, in order; later ones get 200.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    public async Task<List<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition([.. Received]))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"Webhooks received so far: {Received.Count}");
            await Task.Delay(50);
        }

        return [.. Received];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>What a receiver does (docs/operations.md): recompute every <c>v1</c> over <c>t.body</c> and compare in constant time.</summary>
    public bool IsSignedWith(string secret)
    {
        var parts = Header("X-Chat9-Signature").Split(',');
        var t = parts.FirstOrDefault(p => p.StartsWith("t=", StringComparison.Ordinal))?[2..];
        if (t is null)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + Body));
        return parts.Where(p => p.StartsWith("v1=", StringComparison.Ordinal))
            .Any(p => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(p[3..]), expected));
    }
}
