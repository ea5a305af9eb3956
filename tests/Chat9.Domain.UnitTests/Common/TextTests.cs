using Chat9.Domain.Common;
using DomainText = Chat9.Domain.Common.Text;

namespace Chat9.Domain.UnitTests.Common;

public sealed class TextTests
{
    [TestCase("  a😀b  ", 3)]
    [TestCase("abc", 3)]
    [TestCase("", 0)]
    [TestCase(" \t\n ", 0)]
    [TestCase("😀😀", 2)]
    [TestCase("e\u0301", 2)]
    public void CountChars_WhenGivenText_CountsCodePointsAfterTrimming(string value, int expected) =>
        Assert.That(DomainText.CountChars(value), Is.EqualTo(expected));

    [Test]
    public void CountChars_WhenTextHasAnEmoji_CountsItOnceAlthoughItIsTwoUtf16Units()
    {
        const string value = "😀";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(value, Has.Length.EqualTo(2));
            Assert.That(DomainText.CountChars(value), Is.EqualTo(1));
        }
    }

    [TestCase("ana@example.com")]
    [TestCase("first.last+tag@sub.example.co")]
    public void IsEmail_WhenAddressIsWellFormed_ReturnsTrue(string value) =>
        Assert.That(DomainText.IsEmail(value), Is.True);

    [TestCase("nope")]
    [TestCase("")]
    [TestCase("a@b")]
    [TestCase("a@b.c")]
    [TestCase("a b@example.com")]
    [TestCase("a@@example.com")]
    [TestCase("@example.com")]
    [TestCase("ana@example.com ")]
    public void IsEmail_WhenAddressIsMalformed_ReturnsFalse(string value) =>
        Assert.That(DomainText.IsEmail(value), Is.False);

    [Test]
    public void IsEmail_WhenLongerThan320Characters_ReturnsFalse()
    {
        var value = new string('a', 309) + "@example.com";

        Assert.That(DomainText.IsEmail(value), Is.False);
    }

    [TestCase("#6d28d9", true)]
    [TestCase("#ABCDEF", true)]
    [TestCase("#abc", false)]
    [TestCase("6d28d9", false)]
    [TestCase("#gggggg", false)]
    [TestCase("red", false)]
    public void IsHexColor_WhenGivenValue_AcceptsOnlyHashAndSixHexDigits(string value, bool expected) =>
        Assert.That(DomainText.IsHexColor(value), Is.EqualTo(expected));

    [TestCase("example.com", true)]
    [TestCase("*.example.com", true)]
    [TestCase("localhost", true)]
    [TestCase("https://x.com", false)]
    [TestCase("x.com:8080", false)]
    [TestCase("x.com/path", false)]
    [TestCase("*.", false)]
    [TestCase("", false)]
    [TestCase("a..com", false)]
    [TestCase("under_score.com", false)]
    [TestCase("-dash.com", false)]
    public void IsAllowedDomainPattern_WhenGivenValue_AcceptsOnlyHostNamesAndWildcards(string value, bool expected) =>
        Assert.That(DomainText.IsAllowedDomainPattern(value), Is.EqualTo(expected));

    [TestCase("https://example.com/hook", true)]
    [TestCase("http://example.com", true)]
    [TestCase("ftp://example.com", false)]
    [TestCase("https://user:pw@example.com", false)]
    [TestCase("/relative/path", false)]
    [TestCase("not a url", false)]
    public void IsHttpUrl_WhenGivenValue_AcceptsOnlyAbsoluteHttpWithoutUserInfo(string value, bool expected) =>
        Assert.That(DomainText.IsHttpUrl(value, out _), Is.EqualTo(expected));

    [Test]
    public void Truncate_WhenLongerThanLimit_CutsAndAppendsEllipsisWithinLimit() =>
        Assert.That(DomainText.Truncate("abcdef", 4), Is.EqualTo("abc…"));

    [Test]
    public void Truncate_WhenWithinLimit_ReturnsValueUnchanged() =>
        Assert.That(DomainText.Truncate("abcd", 4), Is.EqualTo("abcd"));
}
