using Chat9.Application.Chat.Pipeline.Language;

namespace Chat9.Application.UnitTests.Chat.Pipeline.Language;

public sealed class ConversationLanguagesTests
{
    [Test]
    public void Supported_HasTheFifteenContractLanguages() =>
        Assert.That(ConversationLanguages.Supported, Is.EquivalentTo(new[]
        {
            "en", "es", "de", "fr", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "zh", "ja", "ko",
        }));

    [TestCase("pt-BR", "pt")]
    [TestCase("pt", "pt")]
    [TestCase("zh-Hant-TW", "zh")]
    [TestCase("zh-Hans", "zh")]
    [TestCase("DE-at", "de")]
    [TestCase("en-US-x-private", "en")]
    [TestCase("es-419", "es")]
    [TestCase("sr-Latn-RS", null)]
    [TestCase("xx-YY", null)]
    [TestCase("en_US", null)]
    [TestCase("e", null)]
    [TestCase("english", null)]
    [TestCase("en--US", null)]
    [TestCase("en-", null)]
    [TestCase("<script>", null)]
    [TestCase("", null)]
    [TestCase("   ", null)]
    [TestCase(null, null)]
    [TestCase("en-abcdefgh-abcdefgh-abcdefgh-abcde", "en")]
    [TestCase("en-abcdefgh-abcdefgh-abcdefgh-abcdef", null)]
    public void FromLocale_ReturnsTheSupportedPrimarySubtag_ElseNull(string? locale, string? expected) =>
        Assert.That(ConversationLanguages.FromLocale(locale), Is.EqualTo(expected));

    [TestCase("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr")]
    [TestCase("xx;q=1, de;q=0.4, es;q=0.6", "es")]
    [TestCase("en;q=0.5, ko;q=0.9", "ko")]
    [TestCase("de, en", "de")]
    [TestCase("de;q=0.8, en;q=0.8", "de")]
    [TestCase("de;q=0, en;q=0.1", "en")]
    [TestCase("de;q=2, en;q=0.3", "en")]
    [TestCase("de;q=abc, it;q=0.3", "it")]
    [TestCase("de;q=0.1234, nl;q=0.3", "nl")]
    [TestCase("*", null)]
    [TestCase("xx-YY, yy", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    [TestCase(";;;,,,", null)]
    public void FromAcceptLanguage_PicksTheHighestWeightedSupportedLanguage(string? header, string? expected) =>
        Assert.That(ConversationLanguages.FromAcceptLanguage(header), Is.EqualTo(expected));

    [Test]
    public void FromAcceptLanguage_IgnoresAbsurdlyLongHeaders() =>
        Assert.That(ConversationLanguages.FromAcceptLanguage(string.Join(", ", Enumerable.Repeat("de", 1000))), Is.Null);

    [TestCase("de", "German")]
    [TestCase("uk", "Ukrainian")]
    [TestCase("zh", "Chinese")]
    [TestCase("pt-BR", "Portuguese")]
    [TestCase("xx", "English")]
    public void EnglishName_NamesTheLanguageForPrompts(string code, string expected) =>
        Assert.That(ConversationLanguages.EnglishName(code), Is.EqualTo(expected));

    [Test]
    public void EnglishName_ExistsForEverySupportedLanguage() =>
        Assert.That(ConversationLanguages.Supported.Select(ConversationLanguages.EnglishName).Distinct().Count(), Is.EqualTo(15));
}
