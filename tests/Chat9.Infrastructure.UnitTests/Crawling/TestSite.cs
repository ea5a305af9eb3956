using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat9.Infrastructure.UnitTests.Crawling;

/// <summary>
/// A small website on 127.0.0.1 (Kestrel, random port) for crawler tests. Routes are matched on path and query;
/// anything unknown answers 404. It records every request and the highest number of requests handled at once.
/// </summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, TimeSpan At)> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _inFlight;
    private int _maxInFlight;

    private TestSite(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Paths with query, in arrival order.</summary>
    public IReadOnlyList<string> RequestedPaths => _requests.Select(request => request.Path).ToList();

    public IReadOnlyList<TimeSpan> RequestTimes => _requests.Select(request => request.At).ToList();

    /// <summary>
    /// The most requests seen between arrival and the first byte of their response. That interval lies inside the
    /// client's, so this never counts more than the client had in flight.
    /// </summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static async Task<TestSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var site = new TestSite(builder.Build());
        site._app.Urls.Add("http://127.0.0.1:0");
        await site._app.StartAsync();
        var address = site._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        site.BaseUri = new Uri(address);
        return site;
    }

    public string Url(string pathAndQuery) => new Uri(BaseUri, pathAndQuery).AbsoluteUri;

    public void Map(string pathAndQuery, RequestDelegate handler) => _routes[pathAndQuery] = handler;

    public void Html(string path, string html) => Map(path, context => WriteHtmlAsync(context, html));

    public void Text(string path, string contentType, string body) => Map(path, context =>
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    });

    public void Status(string path, int statusCode) => Map(path, context =>
    {
        context.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    });

    public void Redirect(string path, string location, int statusCode = 302) => Map(path, context =>
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    public static Task WriteHtmlAsync(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(shutdown.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        _requests.Enqueue((key, _clock.Elapsed));
        var current = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, current);
        var counted = 1;
        void Leave()
        {
            if (Interlocked.Exchange(ref counted, 0) == 1)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        context.Response.OnStarting(() =>
        {
            Leave();
            return Task.CompletedTask;
        });
        try
        {
            if (_routes.TryGetValue(key, out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        }
        finally
        {
            Leave();
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
