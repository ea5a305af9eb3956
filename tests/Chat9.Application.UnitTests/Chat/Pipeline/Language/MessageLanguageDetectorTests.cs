using Chat9.Application.Chat.Pipeline.Language;

namespace Chat9.Application.UnitTests.Chat.Pipeline.Language;

public sealed class MessageLanguageDetectorTests
{
    private readonly MessageLanguageDetector _detector = new();

    [TestCase("en", "How do I export my notes to PDF?")]
    [TestCase("es", "¿Cómo puedo exportar mis notas a PDF?")]
    [TestCase("de", "Wie kann ich meine Notizen als PDF exportieren?")]
    [TestCase("fr", "Comment puis-je exporter mes notes en PDF ?")]
    [TestCase("it", "Come posso esportare le mie note in PDF?")]
    [TestCase("pt", "Como faço para exportar minhas notas em PDF?")]
    [TestCase("nl", "Hoe kan ik mijn notities naar PDF exporteren?")]
    [TestCase("pl", "Jak mogę wyeksportować moje notatki do PDF?")]
    [TestCase("ru", "Как экспортировать мои заметки в PDF?")]
    [TestCase("uk", "Як експортувати мої нотатки в PDF?")]
    [TestCase("tr", "Notlarımı PDF olarak nasıl dışa aktarabilirim?")]
    [TestCase("ar", "كيف يمكنني تصدير ملاحظاتي إلى PDF؟")]
    [TestCase("zh", "如何将我的笔记导出为PDF？")]
    [TestCase("ja", "メモをPDFにエクスポートするにはどうすればいいですか？")]
    [TestCase("ko", "메모를 PDF로 내보내려면 어떻게 해야 하나요?")]
    public void Detect_AQuestionAboutExporting_InEachLanguage(string expected, string message) =>
        Assert.That(_detector.Detect(message), Is.EqualTo(expected));

    [TestCase("en", "I forgot my password and the reset email never arrives.")]
    [TestCase("es", "Olvidé mi contraseña y el correo de restablecimiento nunca llega.")]
    [TestCase("de", "Ich habe mein Passwort vergessen und die E-Mail zum Zurücksetzen kommt nicht an.")]
    [TestCase("fr", "J'ai oublié mon mot de passe et je ne reçois pas l'e-mail de réinitialisation.")]
    [TestCase("it", "Ho dimenticato la password e l'e-mail per reimpostarla non arriva.")]
    [TestCase("pt", "Esqueci minha senha e o e-mail de redefinição nunca chega.")]
    [TestCase("nl", "Ik ben mijn wachtwoord vergeten en de resetmail komt niet aan.")]
    [TestCase("pl", "Zapomniałem hasła i e-mail do resetowania nie dociera.")]
    [TestCase("ru", "Я забыл пароль, и письмо для сброса не приходит.")]
    [TestCase("uk", "Я забув пароль, і лист для скидання не надходить.")]
    [TestCase("tr", "Şifremi unuttum ve sıfırlama e-postası gelmiyor.")]
    [TestCase("ar", "نسيت كلمة المرور ولا تصلني رسالة إعادة التعيين.")]
    [TestCase("zh", "我忘记了密码，重置邮件一直没有收到。")]
    [TestCase("ja", "パスワードを忘れてしまい、リセット用のメールが届きません。")]
    [TestCase("ko", "비밀번호를 잊어버렸는데 재설정 이메일이 오지 않아요.")]
    public void Detect_AProblemReport_InEachLanguage(string expected, string message) =>
        Assert.That(_detector.Detect(message), Is.EqualTo(expected));

    [TestCase("es", "¿Cómo comparto una nota con mi equipo?")]
    [TestCase("it", "Come condivido una nota con il mio team?")]
    [TestCase("pt", "Como compartilho uma nota com minha equipe?")]
    [TestCase("fr", "Comment partager une note avec mon équipe ?")]
    [TestCase("nl", "Hoe deel ik een notitie met mijn team?")]
    [TestCase("de", "Kannst du mir sagen, wie ich Notizen teile?")]
    [TestCase("pl", "Jak udostępnić notatkę zespołowi?")]
    [TestCase("tr", "Notumu ekibimle nasıl paylaşırım?")]
    public void Detect_CloseRomanceAndGermanicLanguages_AreToldApart(string expected, string message) =>
        Assert.That(_detector.Detect(message), Is.EqualTo(expected));

    [TestCase("ok")]
    [TestCase("PDF?")]
    [TestCase("Hi")]
    [TestCase("Hallo")]
    [TestCase("thanks")]
    [TestCase("merci")]
    [TestCase("ja")]
    [TestCase("si")]
    [TestCase("да")]
    [TestCase("Привет")]
    [TestCase("你好")]
    [TestCase("네")]
    [TestCase("?")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("12345")]
    [TestCase("👍👍")]
    [TestCase("Acme Notes")]
    [TestCase("https://docs.acme.test/de/export")]
    [TestCase("ana@example.com")]
    public void Detect_ShortOrAmbiguousMessage_IsNull(string message) =>
        Assert.That(_detector.Detect(message), Is.Null);

    [TestCase("Does Acme Notes sync with Dropbox on Linux?")]
    [TestCase("Where can I find the Exportieren button in Acme Notes?")]
    [TestCase("Is the Acme Notes Web Clipper available for Safari?")]
    public void Detect_EnglishWithProductNames_IsEnglish(string message) =>
        Assert.That(_detector.Detect(message), Is.EqualTo("en"));

    [TestCase("Что делать, если Acme Notes не открывается на Android?", "ru")]
    [TestCase("Acme Notesで同期が止まりました", "ja")]
    [TestCase("Acme Notes에서 PDF로 내보내려면 어떻게 해야 하나요?", "ko")]
    public void Detect_ProductNameInsideOtherScript_KeepsTheSentenceLanguage(string message, string expected) =>
        Assert.That(_detector.Detect(message), Is.EqualTo(expected));

    [TestCase("این برنامه چطور کار می‌کند؟")]
    [TestCase("Како да извезем белешке у ПДФ?")]
    [TestCase("Πώς μπορώ να εξάγω τις σημειώσεις μου;")]
    public void Detect_UnsupportedLanguageInASupportedScript_IsNull(string message) =>
        Assert.That(_detector.Detect(message), Is.Null);

    [Test]
    public void Detect_IsDeterministic()
    {
        const string message = "Wie kann ich meine Notizen als PDF exportieren?";

        var results = Enumerable.Range(0, 5).Select(_ => new MessageLanguageDetector().Detect(message)).Distinct();

        Assert.That(results, Is.EqualTo(new[] { "de" }));
    }
}
