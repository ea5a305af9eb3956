using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// The conversation languages Chat9 ships canned texts for (pipeline.md "Language"), and the reading of the locale hints
/// that pick one before the detector is sure. Only the primary subtag matters: <c>pt-BR</c> and <c>pt-PT</c> are both
/// Portuguese. Hints come from browsers and tokens the visitor controls, so anything malformed is ignored, never an error.
/// </summary>
public static partial class ConversationLanguages
{
    /// <summary>The language used when nothing else is known, and for every unsupported language.</summary>
    public const string Default = "en";

    /// <summary>BCP 47 tags longer than this are not real-world locales; RFC 5646 recommends buffers of 35 characters.</summary>
    private const int MaxTagLength = 35;

    /// <summary>An <c>Accept-Language</c> header longer than this is not read at all (no browser sends one).</summary>
    private const int MaxAcceptLanguageLength = 1024;

    private static readonly FrozenDictionary<string, string> EnglishNames = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["es"] = "Spanish",
        ["de"] = "German",
        ["fr"] = "French",
        ["it"] = "Italian",
        ["pt"] = "Portuguese",
        ["nl"] = "Dutch",
        ["pl"] = "Polish",
        ["ru"] = "Russian",
        ["uk"] = "Ukrainian",
        ["tr"] = "Turkish",
        ["ar"] = "Arabic",
        ["zh"] = "Chinese",
        ["ja"] = "Japanese",
        ["ko"] = "Korean",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The supported ISO 639-1 codes, English first.</summary>
    public static IReadOnlyList<string> Supported { get; } =
        ["en", "es", "de", "fr", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "zh", "ja", "ko"];

    /// <summary>Whether <paramref name="code"/> is one of the supported codes (lowercase, exactly as in <see cref="Supported"/>).</summary>
    public static bool IsSupported(string? code) => code is not null && EnglishNames.ContainsKey(code);

    /// <summary>
    /// The supported language of a BCP 47 tag (<c>"pt-BR"</c> → <c>"pt"</c>, <c>"zh-Hant-TW"</c> → <c>"zh"</c>), or
    /// <see langword="null"/> when the tag is malformed, longer than 35 characters or names an unsupported language.
    /// </summary>
    public static string? FromLocale(string? locale)
    {
        if (locale is null)
        {
            return null;
        }

        var tag = locale.Trim();
        if (!LocaleTags.IsWellFormed(tag, MaxTagLength))
        {
            return null;
        }

        var separator = tag.IndexOf('-', StringComparison.Ordinal);
        var primary = (separator < 0 ? tag : tag[..separator]).ToLowerInvariant();
        return IsSupported(primary) ? primary : null;
    }

    /// <summary>
    /// The supported language the visitor's browser prefers most: the highest-<c>q</c> entry of an
    /// <c>Accept-Language</c> header whose tag is supported (ties go to the earlier entry). Entries with <c>q=0</c>,
    /// a malformed weight or a malformed tag are skipped; <c>*</c> names no language.
    /// </summary>
    public static string? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxAcceptLanguageLength)
        {
            return null;
        }

        string? best = null;
        var bestWeight = 0.0;
        foreach (var entry in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(';', StringSplitOptions.TrimEntries);
            if (!TryReadWeight(parts.AsSpan(1), out var weight) || weight <= bestWeight)
            {
                continue;
            }

            if (FromLocale(parts[0]) is { } language)
            {
                best = language;
                bestWeight = weight;
            }
        }

        return best;
    }

    /// <summary>
    /// The language before one is detected (pipeline.md "Language"): the identity token's locale, then the hints',
    /// then the request's own hint (locale, browser, Accept-Language), then the locale the session was started with;
    /// null when none names a supported language.
    /// </summary>
    public static string? HintFor(Domain.Sessions.Session? session, string? requestHint) =>
        FromLocale(session?.User?.Locale) ?? FromLocale(session?.Hints?.Locale) ?? requestHint ?? FromLocale(session?.RequestLocale);

    /// <summary>
    /// The English name of a supported language ("German"), for prompts that tell a model which language to answer in.
    /// Anything else is named "English", because that is the language the conversation falls back to.
    /// </summary>
    public static string EnglishName(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var language = IsSupported(code) ? code : FromLocale(code) ?? Default;
        return EnglishNames[language];
    }

    /// <summary>Reads the <c>q=</c> parameter (RFC 9110: 0 to 1, at most three decimals); no parameter means 1.</summary>
    private static bool TryReadWeight(ReadOnlySpan<string> parameters, out double weight)
    {
        weight = 1.0;
        foreach (var parameter in parameters)
        {
            if (!parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = parameter[2..];
            return QValue().IsMatch(value)
                && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out weight)
                && weight <= 1.0;
        }

        return true;
    }

    [GeneratedRegex(@"^(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex QValue();
}
