using Chat9.Infrastructure.Crawling;

namespace Chat9.Infrastructure.UnitTests.Crawling;

public sealed class ExclusionGlobTests
{
    [TestCase("/blog/**", "/blog/post")]
    [TestCase("/blog/**", "/blog/2024/01/post?page=2")]
    [TestCase("/blog/**", "/blog/")]
    [TestCase("/**/changelog", "/changelog")]
    [TestCase("/**/changelog", "/v2/changelog")]
    [TestCase("/**/changelog", "/a/b/c/changelog")]
    [TestCase("/docs/*", "/docs/page")]
    [TestCase("/docs/*", "/docs/page?lang=de")]
    [TestCase("/docs/*.pdf", "/docs/manual.pdf")]
    [TestCase("/v?/api", "/v2/api")]
    [TestCase("/search?q=*", "/search?q=anything")]
    [TestCase("blog/**", "/blog/post")]
    [TestCase("**.pdf", "/a/b/file.pdf")]
    [TestCase("/exact", "/exact")]
    public void IsMatch_MatchingPath_True(string pattern, string pathAndQuery) =>
        Assert.That(new ExclusionGlob(pattern).IsMatch(pathAndQuery), Is.True);

    [TestCase("/blog/**", "/blog")]
    [TestCase("/blog/**", "/blogs/post")]
    [TestCase("/blog/**", "/en/blog/post")]
    [TestCase("/**/changelog", "/changelog-old")]
    [TestCase("/docs/*", "/docs/a/b")]
    [TestCase("/docs/*.pdf", "/docs/sub/manual.pdf")]
    [TestCase("/v?/api", "/v10/api")]
    [TestCase("/v?/api", "/v/api")]
    [TestCase("/exact", "/exact/more")]
    [TestCase("/exact", "/exact?x=1")]
    [TestCase("/a.c", "/abc")]
    [TestCase("/(x)+", "/xx")]
    public void IsMatch_OtherPath_False(string pattern, string pathAndQuery) =>
        Assert.That(new ExclusionGlob(pattern).IsMatch(pathAndQuery), Is.False);
}
