using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// The canned texts in every supported language, with their placeholders filled in. The tables live in one file per
/// language (<c>CannedTexts.German.cs</c>…) so a translator reads one language top to bottom. Each table is a nested
/// class so that it is initialised on first use, whatever order the compiler puts the partial files in.
/// </summary>
public static partial class CannedTexts
{
    /// <summary>Placeholder names used by the texts.</summary>
    public static class Placeholders
    {
        public const string BotName = "bot_name";
        public const string ProductName = "product_name";
        public const string UserName = "user_name";
        public const string TicketNumber = "ticket_number";
        public const string Email = "email";

        /// <summary>Filled in by the widget, never by the server.</summary>
        public const string Hostname = "hostname";
    }

    private static readonly FrozenDictionary<string, IReadOnlyDictionary<CannedText, string>> Tables =
        new Dictionary<string, IReadOnlyDictionary<CannedText, string>>
        {
            ["en"] = English.Texts,
            ["es"] = Spanish.Texts,
            ["de"] = German.Texts,
            ["fr"] = French.Texts,
            ["it"] = Italian.Texts,
            ["pt"] = Portuguese.Texts,
            ["nl"] = Dutch.Texts,
            ["pl"] = Polish.Texts,
            ["ru"] = Russian.Texts,
            ["uk"] = Ukrainian.Texts,
            ["tr"] = Turkish.Texts,
            ["ar"] = Arabic.Texts,
            ["zh"] = Chinese.Texts,
            ["ja"] = Japanese.Texts,
            ["ko"] = Korean.Texts,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="text"/> in <paramref name="language"/> (a supported code or a locale such as <c>"pt-BR"</c>;
    /// anything else gives English), with each <c>{name}</c> whose name is a key of <paramref name="values"/> replaced
    /// by its value. Other placeholders stay as written: <c>{hostname}</c> is the widget's to fill, and a missing value
    /// is the caller's to default (a product name falls back to the bot name). Values are inserted as given, once, so a
    /// value that itself contains braces is never expanded.
    /// </summary>
    public static string Get(CannedText text, string? language, IReadOnlyDictionary<string, string>? values = null)
    {
        var template = TableFor(language)[text];
        if (values is null || values.Count == 0)
        {
            return template;
        }

        return Placeholder().Replace(template, match =>
            values.TryGetValue(match.Groups["name"].Value, out var value) ? value : match.Value);
    }

    /// <summary>The placeholder names a template uses, in order of first use (for tests and translators).</summary>
    public static IReadOnlyList<string> PlaceholdersOf(CannedText text, string language) =>
        [.. Placeholder().Matches(TableFor(language)[text]).Select(m => m.Groups["name"].Value).Distinct()];

    private static IReadOnlyDictionary<CannedText, string> TableFor(string? language)
    {
        if (language is not null
            && (Tables.TryGetValue(language, out var table) || (ConversationLanguages.FromLocale(language) is { } code && Tables.TryGetValue(code, out table))))
        {
            return table;
        }

        return English.Texts;
    }

    [GeneratedRegex(@"\{(?<name>[a-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
