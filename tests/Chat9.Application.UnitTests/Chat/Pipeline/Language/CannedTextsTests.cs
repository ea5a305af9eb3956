using Chat9.Application.Chat.Pipeline.Language;

namespace Chat9.Application.UnitTests.Chat.Pipeline.Language;

public sealed class CannedTextsTests
{
    private static IEnumerable<TestCaseData> EveryTextInEveryLanguage() =>
        from language in ConversationLanguages.Supported
        from text in Enum.GetValues<CannedText>()
        select new TestCaseData(text, language).SetArgDisplayNames(text.ToString(), language);

    [TestCaseSource(nameof(EveryTextInEveryLanguage))]
    public void Get_EveryTextExistsInEveryLanguage_WithTheEnglishPlaceholders(CannedText text, string language)
    {
        var translated = CannedTexts.Get(text, language);

        Assert.That(translated, Is.Not.Empty);
        Assert.That(CannedTexts.PlaceholdersOf(text, language), Is.EquivalentTo(CannedTexts.PlaceholdersOf(text, "en")));
        Assert.That(translated.Count(c => c == '{'), Is.EqualTo(translated.Count(c => c == '}')), "unbalanced braces");
    }

    [Test]
    public void Get_TranslationsAreNotEnglish()
    {
        var untranslated = ConversationLanguages.Supported.Where(l => l != "en")
            .SelectMany(language => Enum.GetValues<CannedText>()
                .Where(text => CannedTexts.Get(text, language) == CannedTexts.Get(text, "en"))
                .Select(text => $"{language}:{text}"));

        Assert.That(untranslated, Is.Empty);
    }

    [Test]
    public void Get_EnglishWording_MatchesTheContract()
    {
        Assert.That(CannedTexts.Get(CannedText.ExtractiveLeadIn, "en"), Is.EqualTo("Here is what the documentation says:"));
        Assert.That(
            CannedTexts.Get(CannedText.GroundingCaveat, "en"),
            Is.EqualTo("I'm not fully sure the documentation covers this. Would you like me to connect you with a human?"));
        Assert.That(CannedTexts.Get(CannedText.ErrorUnavailable, "en"), Is.EqualTo("The assistant is temporarily unavailable. Please try again in a moment."));
        Assert.That(CannedTexts.Get(CannedText.LinkSafetyBody, "en"), Is.EqualTo("You are going to {hostname}. Continue?"));
    }

    [Test]
    public void Get_SubstitutesTheGivenValues()
    {
        var values = new Dictionary<string, string>
        {
            [CannedTexts.Placeholders.BotName] = "Acme",
            [CannedTexts.Placeholders.ProductName] = "Acme Notes",
            [CannedTexts.Placeholders.UserName] = "Ana",
        };

        Assert.That(
            CannedTexts.Get(CannedText.GreetingBuiltInNamed, "en", values),
            Is.EqualTo("Hi Ana! I'm the Acme assistant. Ask me anything about Acme Notes."));
        Assert.That(
            CannedTexts.Get(CannedText.GreetingBuiltIn, "de", values),
            Is.EqualTo("Hallo! Ich bin der Assistent von Acme. Fragen Sie mich alles zu Acme Notes."));
    }

    [Test]
    public void Get_TicketConfirmation_MatchesTheEscalateExample()
    {
        var values = new Dictionary<string, string> { ["ticket_number"] = "ESC-0007", ["email"] = "ana@example.com" };

        Assert.That(
            CannedTexts.Get(CannedText.TicketOpenedWithEmail, "en", values),
            Is.EqualTo("I've passed this to our support team (ticket ESC-0007). They will reply to ana@example.com."));
    }

    [Test]
    public void Get_LeavesPlaceholdersWithoutAValueAsWritten()
    {
        var values = new Dictionary<string, string> { ["product_name"] = "Acme Notes" };

        Assert.That(CannedTexts.Get(CannedText.LinkSafetyBody, "fr", values), Is.EqualTo("Vous allez être redirigé vers {hostname}. Continuer ?"));
        Assert.That(CannedTexts.Get(CannedText.GreetingBuiltIn, "en", values), Does.StartWith("Hi! I'm the {bot_name} assistant."));
    }

    [Test]
    public void Get_DoesNotExpandPlaceholdersInsideValues()
    {
        var values = new Dictionary<string, string> { ["product_name"] = "{bot_name}", ["bot_name"] = "Acme" };

        Assert.That(CannedTexts.Get(CannedText.RefusedInjection, "en", values), Is.EqualTo("I can only help with questions about {bot_name}."));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("xx")]
    [TestCase("sv-SE")]
    [TestCase("garbage!!")]
    public void Get_UnknownLanguage_FallsBackToEnglish(string? language) =>
        Assert.That(CannedTexts.Get(CannedText.LinkSafetyCancel, language), Is.EqualTo("Cancel"));

    [TestCase("pt-BR", "Cancelar")]
    [TestCase("de-AT", "Abbrechen")]
    [TestCase("zh-Hant-TW", "取消")]
    public void Get_Locale_UsesItsPrimaryLanguage(string language, string expected) =>
        Assert.That(CannedTexts.Get(CannedText.LinkSafetyCancel, language), Is.EqualTo(expected));
}
