using System.Net;
using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Crawling;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.UnitTests.Crawling;

public sealed class OutboundHttpClientFactoryTests
{
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSite() => _site = await TestSite.StartAsync();

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public void Send_ToABannedAddress_FailsBeforeConnecting()
    {
        using var client = new OutboundHttpClientFactory(Options.Create(new NetworkOptions())).CreateClient("Chat9Bot");

        var failure = Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(_site.Url("/")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(BlockedAddressException.IsCause(failure), Is.True);
            Assert.That(_site.RequestedPaths, Is.Empty);
        }
    }

    [Test]
    public async Task Send_AllowedAddress_SendsTheUserAgentAndDoesNotFollowRedirects()
    {
        string? userAgent = null;
        _site.Map("/moved", context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/target";
            return Task.CompletedTask;
        });
        using var client = new OutboundHttpClientFactory(Options.Create(new NetworkOptions { AllowLoopback = true })).CreateClient("Chat9Bot/1.0");

        using var response = await client.GetAsync(_site.Url("/moved"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
            Assert.That(userAgent, Is.EqualTo("Chat9Bot/1.0"));
            Assert.That(_site.RequestedPaths, Is.EqualTo(new[] { "/moved" }));
        }
    }

    [Test]
    public async Task Send_GzipResponse_IsDecompressed()
    {
        _site.Map("/gzip", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new System.IO.Compression.GZipStream(context.Response.Body, System.IO.Compression.CompressionLevel.Fastest);
            await gzip.WriteAsync("plain text"u8.ToArray());
        });
        using var client = new OutboundHttpClientFactory(Options.Create(new NetworkOptions { AllowLoopback = true })).CreateClient("Chat9Bot");

        var body = await client.GetStringAsync(_site.Url("/gzip"));

        Assert.That(body, Is.EqualTo("plain text"));
    }
}
