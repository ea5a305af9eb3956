using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>A small documentation site on a loopback port, for crawls that never leave the machine.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestSite(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<TestSite> StartAsync(IReadOnlyDictionary<string, (string ContentType, string Body)> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            var key = context.Request.Path + context.Request.QueryString;
            if (!pages.TryGetValue(key, out var page))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = page.ContentType;
            await context.Response.WriteAsync(page.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestSite(app, new Uri(address));
    }

    public static string Html(string title, string body) =>
        $"<!doctype html><html><head><title>{title}</title></head><body><nav><a href=\"/\">Home</a></nav><main>{body}</main></body></html>";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
