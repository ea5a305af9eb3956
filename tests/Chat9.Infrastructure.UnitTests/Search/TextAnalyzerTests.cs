using Chat9.Infrastructure.Search;

namespace Chat9.Infrastructure.UnitTests.Search;

public sealed class TextAnalyzerTests
{
    private readonly TextAnalyzer _analyzer = new();

    [Test]
    public void Analyze_FoldsCaseAndDiacritics()
    {
        Assert.That(_analyzer.Analyze("Café CRÈME", "en"), Is.EqualTo(new[] { "cafe", "creme" }));
    }

    [TestCase("Straße", "strasse")]
    [TestCase("Ærø", "aero")]
    [TestCase("Łódź", "lodz")]
    [TestCase("Ødegaard", "odegaard")]
    [TestCase("ＡＢＣ", "abc")]
    [TestCase("ﬂow", "flow")]
    public void Analyze_FoldsLettersWithoutADecomposition(string text, string expected)
    {
        // Stemmed on both sides, so the comparison holds whatever the stemmer does to the folded word.
        Assert.That(_analyzer.Analyze(text, "en"), Is.EqualTo(_analyzer.Analyze(expected, "en")).And.Count.EqualTo(1));
    }

    [Test]
    public void Analyze_FoldedAndUnfoldedSpellings_GiveTheSameTerms()
    {
        Assert.That(_analyzer.Analyze("Résumé über naïve façade", "en"), Is.EqualTo(_analyzer.Analyze("resume uber naive facade", "en")));
    }

    [Test]
    public void Analyze_EnglishInflections_ShareOneStem()
    {
        var terms = _analyzer.Analyze("exporting exported exports export", "en");

        Assert.That(terms, Has.Count.EqualTo(4).And.All.EqualTo("export"));
    }

    [Test]
    public void Analyze_GermanInflections_ShareOneStem()
    {
        var terms = _analyzer.Analyze("Rechnungen Rechnung", "de");

        Assert.That(terms.Distinct(), Has.Exactly(1).Items);
    }

    [Test]
    public void Analyze_SpanishInflections_ShareOneStem()
    {
        var terms = _analyzer.Analyze("exportar exportado exporta", "es");

        Assert.That(terms.Distinct(), Has.Exactly(1).Items);
    }

    [Test]
    public void Analyze_RemovesStopWords()
    {
        Assert.That(_analyzer.Analyze("How can I export the notes to a PDF?", "en"), Is.EqualTo(new[] { "export", "note", "pdf" }));
    }

    [TestCase("für")]
    [TestCase("fur")]
    [TestCase("FÜR")]
    public void Analyze_MatchesStopWordsAfterFolding(string preposition)
    {
        Assert.That(_analyzer.Analyze($"{preposition} Rechnung", "de"), Is.EqualTo(_analyzer.Analyze("Rechnung", "de")));
    }

    [Test]
    public void Analyze_UsesTheStopWordsOfTheGivenLanguage()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_analyzer.Analyze("die", "de"), Is.Empty);
            Assert.That(_analyzer.Analyze("die", "en"), Is.Not.Empty);
        }
    }

    [Test]
    public void Analyze_StopWordsOnly_ReturnsNoTerms()
    {
        Assert.That(_analyzer.Analyze("what is it and how do they do that?", "en"), Is.Empty);
    }

    [TestCase("O'Reilly", "OReilly")]
    [TestCase("O’Reilly", "OReilly")]
    [TestCase("the customer's invoice", "the customers invoice")]
    public void Analyze_ApostropheInsideAWord_JoinsIt(string text, string joined)
    {
        Assert.That(_analyzer.Analyze(text, "en"), Is.EqualTo(_analyzer.Analyze(joined, "en")));
    }

    [TestCase("'export' users'", "export users")]
    [TestCase("export''pdf", "export pdf")]
    public void Analyze_ApostrophesNotBetweenTwoLetters_AreSeparators(string text, string separated)
    {
        Assert.That(_analyzer.Analyze(text, "en"), Is.EqualTo(_analyzer.Analyze(separated, "en")));
    }

    [Test]
    public void Analyze_EnglishContractions_AreStopWords()
    {
        Assert.That(_analyzer.Analyze("don't can't won't", "en"), Is.Empty);
    }

    [Test]
    public void Analyze_FrenchElisions_AreRemoved()
    {
        Assert.That(_analyzer.Analyze("l'exportation d'une facture", "fr"), Is.EqualTo(_analyzer.Analyze("exportation facture", "fr")));
    }

    [Test]
    public void Analyze_KeepsWordsWithDigitsWhole()
    {
        Assert.That(_analyzer.Analyze("OAuth2 API v2 returns 404", "en"), Is.SupersetOf(new[] { "oauth2", "v2", "404" }));
    }

    [Test]
    public void Analyze_SplitsOnPunctuationButNotOnCamelCase()
    {
        Assert.That(_analyzer.Analyze("e-mail snake_case camelCase a.b", "en"), Has.Count.EqualTo(6));
    }

    [Test]
    public void Analyze_IgnoresSoftHyphensInsideWords()
    {
        Assert.That(_analyzer.Analyze("docu\u00ADment", "en"), Is.EqualTo(_analyzer.Analyze("document", "en")));
    }

    [Test]
    public void Analyze_SkipsOverlongTokens()
    {
        var hash = new string('f', 65);

        Assert.That(_analyzer.Analyze($"checksum {hash} verified", "en"), Is.EqualTo(_analyzer.Analyze("checksum verified", "en")));
    }

    [Test]
    public void Analyze_MakesEachIdeographAWord()
    {
        Assert.That(_analyzer.Analyze("导出笔记", "en"), Is.EqualTo(new[] { "导", "出", "笔", "记" }));
    }

    [Test]
    public void Analyze_LoneSurrogate_IsASeparator()
    {
        Assert.That(_analyzer.Analyze("café\uD800crème", "en"), Is.EqualTo(new[] { "cafe", "creme" }));
    }

    [TestCase(null)]
    [TestCase("it")]
    [TestCase("en-US")]
    [TestCase("EN")]
    public void Analyze_MissingOrUnsupportedLanguage_UsesEnglishRules(string? language)
    {
        const string text = "The invoices were exported";

        Assert.That(_analyzer.Analyze(text, language), Is.EqualTo(new[] { "invoic", "export" }));
    }

    [TestCase("DE")]
    [TestCase("de-CH")]
    [TestCase("de_AT")]
    public void Analyze_LanguageTagOrUpperCaseCode_UsesThatLanguage(string language)
    {
        Assert.That(_analyzer.Analyze("die Rechnungen", language), Is.EqualTo(_analyzer.Analyze("die Rechnungen", "de")).And.Count.EqualTo(1));
    }

    [Test]
    public void Analyze_FromManyThreads_GivesTheSameTermsAsSequentially()
    {
        var texts = Enumerable.Range(0, 200)
            .Select(i => $"Exporting report {i}: die Rechnungen wurden exportiert, las facturas exportadas, l'exportation n°{i}")
            .ToArray();
        var languages = new[] { "en", "de", "es", "fr" };
        var expected = texts.Select((text, i) => new TextAnalyzer().Analyze(text, languages[i % 4])).ToArray();
        var shared = new TextAnalyzer();
        var actual = new IReadOnlyList<string>[texts.Length];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = shared.Analyze(texts[i], languages[i % 4]));

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void SupportedLanguages_AreEnglishGermanSpanishFrench()
    {
        Assert.That(_analyzer.SupportedLanguages, Is.EqualTo(new[] { "en", "de", "es", "fr" }));
    }
}
