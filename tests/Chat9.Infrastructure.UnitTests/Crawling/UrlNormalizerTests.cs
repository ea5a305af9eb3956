using Chat9.Infrastructure.Crawling;

namespace Chat9.Infrastructure.UnitTests.Crawling;

public sealed class UrlNormalizerTests
{
    [TestCase("HTTP://Docs.Example.COM/Guide", "http://docs.example.com/Guide")]
    [TestCase("https://docs.example.com:443/a", "https://docs.example.com/a")]
    [TestCase("http://docs.example.com:80/a", "http://docs.example.com/a")]
    [TestCase("http://docs.example.com:8080/a", "http://docs.example.com:8080/a")]
    [TestCase("https://docs.example.com/a#section", "https://docs.example.com/a")]
    [TestCase("https://docs.example.com/a/./b/../c", "https://docs.example.com/a/c")]
    [TestCase("https://docs.example.com", "https://docs.example.com/")]
    [TestCase("https://docs.example.com/a?b=2&a=1", "https://docs.example.com/a?b=2&a=1")]
    [TestCase("https://docs.example.com/%7Euser/index.html", "https://docs.example.com/~user/index.html")]
    [TestCase("https://docs.example.com/a%2Fb", "https://docs.example.com/a%2Fb")]
    [TestCase("https://bücher.example/ä", "https://xn--bcher-kva.example/%C3%A4")]
    [TestCase("http://[::1]:8080/x", "http://[::1]:8080/x")]
    public void Normalize_HttpUrl_GivesTheCanonicalSpelling(string url, string expected) =>
        Assert.That(UrlNormalizer.Normalize(url)?.AbsoluteUri, Is.EqualTo(expected));

    [TestCase("ftp://docs.example.com/a")]
    [TestCase("mailto:help@example.com")]
    [TestCase("javascript:alert(1)")]
    [TestCase("file:///etc/passwd")]
    [TestCase("http://user:secret@docs.example.com/")]
    [TestCase("http://user@docs.example.com/")]
    [TestCase("/relative/without/base")]
    [TestCase("not a url")]
    public void Normalize_NotACrawlableUrl_IsNull(string url) =>
        Assert.That(UrlNormalizer.Normalize(url), Is.Null);

    [TestCase("../b?x=1#frag", "https://docs.example.com/b?x=1")]
    [TestCase("c", "https://docs.example.com/guide/c")]
    [TestCase("/root", "https://docs.example.com/root")]
    [TestCase("//other.example/x", "https://other.example/x")]
    [TestCase(" spaced ", "https://docs.example.com/guide/spaced")]
    public void Normalize_RelativeReference_ResolvesAgainstTheBase(string href, string expected) =>
        Assert.That(UrlNormalizer.Normalize(href, new Uri("https://docs.example.com/guide/page"))?.AbsoluteUri, Is.EqualTo(expected));

    [TestCase("https://docs.example.com/x", true)]
    [TestCase("https://DOCS.example.com:443/y", true)]
    [TestCase("http://docs.example.com/x", false)]
    [TestCase("https://docs.example.com:8443/x", false)]
    [TestCase("https://api.docs.example.com/x", false)]
    [TestCase("https://example.com/x", false)]
    public void IsSameSite_ComparesSchemeHostAndPort(string url, bool expected) =>
        Assert.That(UrlNormalizer.IsSameSite(new Uri(url), new Uri("https://docs.example.com/start")), Is.EqualTo(expected));
}
