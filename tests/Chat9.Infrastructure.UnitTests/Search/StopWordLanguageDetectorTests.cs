using Chat9.Infrastructure.Search;

namespace Chat9.Infrastructure.UnitTests.Search;

public sealed class StopWordLanguageDetectorTests
{
    private const string English =
        "To export your notes, open the settings page and choose the format you want. The file is prepared in the background "
        + "and you will receive an email with a link when it is ready. If the export takes longer than ten minutes, check that "
        + "your workspace is not over its storage limit.";

    private const string German =
        "Um Ihre Notizen zu exportieren, öffnen Sie die Einstellungen und wählen Sie das gewünschte Format. Die Datei wird im "
        + "Hintergrund erstellt, und Sie erhalten eine E-Mail mit einem Link, sobald sie fertig ist. Wenn der Export länger als "
        + "zehn Minuten dauert, prüfen Sie, ob Ihr Arbeitsbereich das Speicherlimit überschritten hat.";

    private const string Spanish =
        "Para exportar tus notas, abre la configuración y elige el formato que quieras. El archivo se prepara en segundo plano "
        + "y recibirás un correo con un enlace cuando esté listo. Si la exportación tarda más de diez minutos, comprueba que tu "
        + "espacio de trabajo no supera su límite de almacenamiento.";

    private const string French =
        "Pour exporter vos notes, ouvrez les paramètres et choisissez le format souhaité. Le fichier est préparé en arrière-plan "
        + "et vous recevrez un courriel avec un lien dès qu'il sera prêt. Si l'export prend plus de dix minutes, vérifiez que votre "
        + "espace de travail ne dépasse pas sa limite de stockage.";

    private readonly StopWordLanguageDetector _detector = new();

    [TestCase(English, "en")]
    [TestCase(German, "de")]
    [TestCase(Spanish, "es")]
    [TestCase(French, "fr")]
    public void Detect_Prose_ReturnsItsLanguage(string text, string expected)
    {
        Assert.That(_detector.Detect(text), Is.EqualTo(expected));
    }

    [Test]
    public void Detect_ProseWithoutDiacritics_ReturnsItsLanguage()
    {
        var unaccented = German.Replace('ö', 'o').Replace('ä', 'a').Replace('ü', 'u');

        Assert.That(_detector.Detect(unaccented), Is.EqualTo("de"));
    }

    [TestCase("const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } });\nconst data = await res.json();\nconsole.log(data.items.map(x => x.id));")]
    [TestCase("xq zvbn qwrtp lkjh mnbv trewq poiuy asdfg hjkl zxcvb nmlkj qazwsx edcrfv tgbyhn ujmik")]
    [TestCase("SELECT id, name FROM notes WHERE owner_id = @ownerId ORDER BY updated DESC LIMIT 50")]
    public void Detect_CodeOrGibberish_ReturnsNull(string text)
    {
        Assert.That(_detector.Detect(text), Is.Null);
    }

    [TestCase("")]
    [TestCase("Export notes to PDF")]
    public void Detect_TooLittleText_ReturnsNull(string text)
    {
        Assert.That(_detector.Detect(text), Is.Null);
    }

    [TestCase("Le chat et le chien. The cat and the dog. Le chat et le chien. The cat and the dog.")]
    [TestCase("The cat and the dog. The cat and the dog. The cat and the dog. Die Katze und der Hund. Die Katze und der Hund. Die Katze und der Hund. Die Katze und der Hund.")]
    public void Detect_NoClearLeadOverTheRunnerUp_ReturnsNull(string mixedText)
    {
        Assert.That(_detector.Detect(mixedText), Is.Null);
    }

    [Test]
    public void Detect_ReadsOnlyTheBeginningOfALongText()
    {
        var englishStart = string.Concat(Enumerable.Repeat(English + " ", 60));
        var mostlyGerman = englishStart + string.Concat(Enumerable.Repeat(German + " ", 200));

        Assert.That(_detector.Detect(mostlyGerman), Is.EqualTo("en"));
    }
}
