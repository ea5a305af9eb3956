using System.Text.RegularExpressions;
using Chat9.Application.Knowledge.Common;

namespace Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

/// <summary>
/// Recognises headings written as questions ("How do I export a notebook?", "Can I undo a delete"), which make FAQ
/// candidates with their section as the answer. A heading ending in a question mark always counts; otherwise its first
/// word must be a question word of the document's language (English when unknown). English auxiliaries ("Can", "Do",
/// "Is") count only before a subject ("Can I…", "Is there…", "Does Notewell…"), so "Do not disturb" is no question.
/// </summary>
public static partial class QuestionHeadings
{
    private static readonly Dictionary<string, HashSet<string>> QuestionWords = new(StringComparer.Ordinal)
    {
        ["en"] = Set("how", "what", "what's", "whats", "why", "when", "where", "which", "who", "whom", "whose"),
        ["de"] = Set("wie", "was", "warum", "wieso", "weshalb", "wann", "wo", "woher", "wohin", "wozu", "womit", "welche", "welcher", "welches", "welchen", "wer", "wen", "wem", "kann", "können", "darf", "muss", "gibt"),
        ["fr"] = Set("comment", "pourquoi", "quand", "où", "quel", "quelle", "quels", "quelles", "qui", "combien", "qu'est-ce", "est-ce", "puis-je", "peut-on", "dois-je", "faut-il"),
        ["es"] = Set("cómo", "qué", "por qué", "cuándo", "dónde", "cuál", "cuáles", "quién", "quiénes", "cuánto", "cuánta", "cuántos", "cuántas", "puedo", "se puede"),
        ["it"] = Set("come", "cosa", "che cosa", "perché", "quando", "dove", "quale", "quali", "chi", "quanto", "quanti", "posso", "si può"),
        ["pt"] = Set("como", "o que", "por que", "porque", "quando", "onde", "qual", "quais", "quem", "quanto", "quantos", "posso"),
        ["nl"] = Set("hoe", "wat", "waarom", "wanneer", "waar", "welke", "wie", "kan", "kun", "kunnen", "mag", "moet"),
    };

    private static readonly HashSet<string> EnglishAuxiliaries = Set(
        "can", "could", "do", "does", "did", "is", "are", "was", "were", "will", "would", "should", "shall", "may", "might", "must", "have", "has");

    private static readonly HashSet<string> EnglishSubjects = Set(
        "i", "you", "we", "they", "it", "he", "she", "my", "your", "our", "their", "its", "the", "a", "an", "this", "that", "these", "those",
        "there", "someone", "somebody", "anyone", "anybody", "everyone", "users", "customers", "people", "guests", "members", "admins");

    /// <summary>The heading as an FAQ question (a question mark added when it has none), or null when it is not a question.</summary>
    public static string? AsQuestion(string heading, string? language)
    {
        var text = MarkdownText.Collapse(heading);
        if (text.Length == 0)
        {
            return null;
        }

        if (EndsWithQuestionMark(text))
        {
            return text;
        }

        return StartsLikeQuestion(text, language) ? text.TrimEnd('.', ':', ';', '!') + "?" : null;
    }

    public static bool IsQuestion(string heading, string? language) => AsQuestion(heading, language) is not null;

    private static bool EndsWithQuestionMark(string text) => text[^1] is '?' or '？' or '؟';

    private static bool StartsLikeQuestion(string text, string? language)
    {
        var words = Words().Matches(text.TrimStart('¿', '¡').Replace('’', '\'').ToLowerInvariant()).Select(m => m.Value).ToList();
        if (words.Count < 2)
        {
            return false;
        }

        var code = language is { Length: >= 2 } ? language[..2].ToLowerInvariant() : "en";
        var questionWords = QuestionWords.GetValueOrDefault(code) ?? QuestionWords["en"];
        if (questionWords.Contains(words[0]) || questionWords.Contains(words[0] + " " + words[1]))
        {
            return true;
        }

        if (code != "en" || !EnglishAuxiliaries.Contains(words[0]))
        {
            return false;
        }

        // "Can Notewell sync offline": a name after the auxiliary is a subject too (but "Do Not Disturb" is not).
        var second = Words().Matches(text).Skip(1).First().Value;
        return EnglishSubjects.Contains(words[1]) || (words[1] != "not" && char.IsUpper(second[0]) && !IsTitleCase(text));
    }

    /// <summary>Every word capitalised ("Do Not Disturb Mode"), where a capital letter says nothing about names.</summary>
    private static bool IsTitleCase(string text) => Words().Matches(text).Where(m => m.Value.Length > 3).All(m => char.IsUpper(m.Value[0]));

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
