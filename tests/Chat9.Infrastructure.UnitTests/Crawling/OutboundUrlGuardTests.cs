using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Crawling;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.UnitTests.Crawling;

public sealed class OutboundUrlGuardTests
{
    private static OutboundUrlGuard Guard(NetworkOptions? options = null) => new(Options.Create(options ?? new NetworkOptions()));

    [TestCase("http://127.0.0.1/")]
    [TestCase("http://127.0.0.1:8080/admin")]
    [TestCase("http://169.254.169.254/latest")]
    [TestCase("http://[::ffff:10.0.0.1]/")]
    [TestCase("http://[::1]/")]
    [TestCase("http://10.1.2.3/")]
    [TestCase("http://0x7f.1/", TestName = "{m}(hex spelling of 127.0.0.1)")]
    [TestCase("http://2130706433/", TestName = "{m}(decimal spelling of 127.0.0.1)")]
    [TestCase("http://localhost/")]
    public async Task CheckAsync_BlockedAddress_IsUrlNotAllowed(string url)
    {
        var rejection = await Guard().CheckAsync(url, CancellationToken.None);

        Assert.That(rejection?.Code, Is.EqualTo("url_not_allowed"));
    }

    [TestCase("ftp://x/")]
    [TestCase("file:///etc/passwd")]
    [TestCase("http://user:pw@host/")]
    [TestCase("https://user@docs.example.com/")]
    [TestCase("not a url")]
    [TestCase("/relative/path")]
    [TestCase("")]
    public async Task CheckAsync_MalformedOrNotHttp_IsInvalidUrl(string url)
    {
        var rejection = await Guard().CheckAsync(url, CancellationToken.None);

        Assert.That(rejection?.Code, Is.EqualTo("invalid_url"));
    }

    [Test]
    public async Task CheckAsync_UrlOver2048Characters_IsInvalidUrl()
    {
        var url = "http://8.8.8.8/" + new string('a', 2_049 - "http://8.8.8.8/".Length);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Guard().CheckAsync(url, CancellationToken.None))?.Code, Is.EqualTo("invalid_url"));
            Assert.That(await Guard().CheckAsync(url[..2_048], CancellationToken.None), Is.Null);
        }
    }

    [Test]
    public async Task CheckAsync_UnresolvableHost_IsUrlNotAllowedSayingSo()
    {
        var rejection = await Guard().CheckAsync("http://no-such-host.invalid/", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rejection?.Code, Is.EqualTo("url_not_allowed"));
            Assert.That(rejection?.Message, Does.Contain("could not be resolved"));
        }
    }

    [TestCase("http://8.8.8.8/")]
    [TestCase("https://[2606:4700::1]/docs")]
    public async Task CheckAsync_PublicIpLiteral_IsAccepted(string url) =>
        Assert.That(await Guard().CheckAsync(url, CancellationToken.None), Is.Null);

    [Test]
    public async Task CheckAsync_AllowedUrl_SendsNoRequest()
    {
        await using var site = await TestSite.StartAsync();

        var rejection = await Guard(new NetworkOptions { AllowLoopback = true }).CheckAsync(site.Url("/docs"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rejection, Is.Null);
            Assert.That(site.RequestedPaths, Is.Empty);
        }
    }

    [Test]
    public async Task CheckAsync_PrivateAddressWithAllowPrivateNetworks_IsAccepted() =>
        Assert.That(await Guard(new NetworkOptions { AllowPrivateNetworks = true }).CheckAsync("http://192.168.1.20/", CancellationToken.None), Is.Null);
}
