using Chat9.Infrastructure.Crawling;

namespace Chat9.Infrastructure.UnitTests.Crawling;

public sealed class RobotsTxtTests
{
    private const string UserAgent = "Chat9Bot";

    [TestCase("/docs/page", true)]
    [TestCase("/private/page", false)]
    [TestCase("/private/public/page", true)]
    [TestCase("/private/public", true)]
    [TestCase("/private", false)]
    public void IsAllowed_LongestMatchWins(string path, bool expected)
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /private\nAllow: /private/public\n", UserAgent);

        Assert.That(robots.IsAllowed(path), Is.EqualTo(expected));
    }

    [Test]
    public void IsAllowed_AllowAndDisallowEquallyLong_AllowWins()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", UserAgent);

        Assert.That(robots.IsAllowed("/page"), Is.True);
    }

    [TestCase("/a/secret.pdf", false)]
    [TestCase("/secret.pdf", false)]
    [TestCase("/a/secret.pdf?download=1", true)]
    [TestCase("/a/secret.pdfx", true)]
    [TestCase("/search?q=x", false)]
    [TestCase("/searching", true)]
    [TestCase("/docs/v1/print/page", false)]
    [TestCase("/docs/print", true)]
    public void IsAllowed_WildcardAndEndAnchor(string path, bool expected)
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search?\nDisallow: /docs/*/print\n", UserAgent);

        Assert.That(robots.IsAllowed(path), Is.EqualTo(expected));
    }

    [Test]
    public void IsAllowed_WildcardAllowLongerThanDisallow_Wins()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /docs/\nAllow: /docs/*/public$\n", UserAgent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(robots.IsAllowed("/docs/v2/public"), Is.True);
            Assert.That(robots.IsAllowed("/docs/v2/public/more"), Is.False);
        }
    }

    [Test]
    public void Parse_GroupForTheProductToken_IsPreferredOverStar()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: OtherBot
            User-agent: chat9bot/2.0
            Disallow: /private
            """, "Chat9Bot/1.0 (+https://chat9.example/bot)");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(robots.IsAllowed("/docs"), Is.True);
            Assert.That(robots.IsAllowed("/private"), Is.False);
        }
    }

    [Test]
    public void Parse_NoGroupForTheProductToken_FallsBackToStar()
    {
        var robots = RobotsTxt.Parse("User-agent: Chat9BotNews\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n", UserAgent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(robots.IsAllowed("/docs"), Is.True);
            Assert.That(robots.IsAllowed("/private"), Is.False);
        }
    }

    [Test]
    public void Parse_SeveralGroupsForTheProductToken_AreMerged()
    {
        var robots = RobotsTxt.Parse("User-agent: chat9bot\nDisallow: /a\n\nUser-agent: *\nDisallow: /c\n\nUser-agent: CHAT9BOT\nDisallow: /b\n", UserAgent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(robots.IsAllowed("/a"), Is.False);
            Assert.That(robots.IsAllowed("/b"), Is.False);
            Assert.That(robots.IsAllowed("/c"), Is.True);
        }
    }

    [Test]
    public void Parse_NoMatchingGroup_AllowsEverything()
    {
        var robots = RobotsTxt.Parse("User-agent: OtherBot\nDisallow: /\n", UserAgent);

        Assert.That(robots.IsAllowed("/anything"), Is.True);
    }

    [Test]
    public void Parse_EmptyDisallow_AllowsEverything()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow:\n", UserAgent);

        Assert.That(robots.IsAllowed("/anything"), Is.True);
    }

    [Test]
    public void IsAllowed_RobotsTxtItself_AlwaysAllowed()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\n", UserAgent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(robots.IsAllowed("/robots.txt"), Is.True);
            Assert.That(robots.IsAllowed("/"), Is.False);
        }
    }

    [TestCase("/%7Euser/page", "/~user/page")]
    [TestCase("/~user/page", "/%7euser/page")]
    [TestCase("/caf%C3%A9", "/café")]
    [TestCase("/café", "/caf%c3%a9")]
    public void IsAllowed_PercentEncodingIsNormalisedOnBothSides(string rulePath, string requestPath)
    {
        var robots = RobotsTxt.Parse($"User-agent: *\nDisallow: {rulePath}\n", UserAgent);

        Assert.That(robots.IsAllowed(requestPath), Is.False);
    }

    [Test]
    public void IsAllowed_EncodedSlashIsNotASlash()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /a/b\n", UserAgent);

        Assert.That(robots.IsAllowed("/a%2Fb"), Is.True);
    }

    [Test]
    public void Parse_CommentsCaseAndLineEndings_AreTolerated()
    {
        var robots = RobotsTxt.Parse("\uFEFF# rules\r\nUSER-AGENT: * # everyone\r\nDISALLOW: /private # keep out\rCrawl-Delay: 2.5\r\n", UserAgent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(robots.IsAllowed("/private"), Is.False);
            Assert.That(robots.CrawlDelay, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
        }
    }

    [Test]
    public void Parse_CrawlDelay_ComesFromTheMatchingGroup()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 30\n\nUser-agent: Chat9Bot\nCrawl-delay: 0.5\nDisallow: /x\n", UserAgent);

        Assert.That(robots.CrawlDelay, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
    }

    [Test]
    public void Parse_HugeCrawlDelay_IsClampedInsteadOfOverflowing()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 99999999999999999999999\n", UserAgent);

        Assert.That(robots.CrawlDelay, Is.EqualTo(TimeSpan.FromDays(1)));
    }

    [Test]
    public void Parse_NoCrawlDelay_IsNull()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: soon\nDisallow: /x\n", UserAgent);

        Assert.That(robots.CrawlDelay, Is.Null);
    }

    [Test]
    public void Parse_SitemapLines_AreReadAnywhere()
    {
        var robots = RobotsTxt.Parse("""
            Sitemap: https://docs.example.com/sitemap-a.xml
            User-agent: OtherBot
            Sitemap: https://docs.example.com/sitemap-b.xml
            Disallow: /
            """, UserAgent);

        Assert.That(robots.Sitemaps, Is.EqualTo(new[] { "https://docs.example.com/sitemap-a.xml", "https://docs.example.com/sitemap-b.xml" }));
    }

    [Test]
    public void AllowAll_AllowsEverything() =>
        Assert.That(RobotsTxt.AllowAll.IsAllowed("/private"), Is.True);
}
