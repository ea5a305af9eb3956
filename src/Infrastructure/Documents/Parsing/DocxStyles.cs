using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// What the paragraph styles of a document mean for its structure. Word stores built-in style names in English
/// ("heading 1", "Title") even when the style ids are localised, so names are checked as well as ids.
/// </summary>
internal sealed partial class DocxStyles
{
    private readonly Dictionary<string, StyleRole> _roles;

    private DocxStyles(Dictionary<string, StyleRole> roles) => _roles = roles;

    public static DocxStyles Read(StyleDefinitionsPart? part, UncompressedByteBudget budget)
    {
        var styles = part is null ? null : DocxPartReader.ReadRoot<Styles>(part, budget);
        var roles = (styles?.Elements<Style>() ?? [])
            .Where(style => style.StyleId?.Value is not null)
            .GroupBy(style => style.StyleId!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => RoleOf(group.First()), StringComparer.OrdinalIgnoreCase);
        return new DocxStyles(roles);
    }

    public int? HeadingLevel(string? styleId) =>
        styleId is null ? null : _roles.TryGetValue(styleId, out var role) ? role.HeadingLevel : LevelFromName(styleId);

    public bool IsList(string? styleId) => styleId is not null && _roles.TryGetValue(styleId, out var role) && role.IsList;

    /// <summary>Word's outline levels run 0–8 for headings; 9 means body text.</summary>
    public static int? LevelFromOutline(int? outlineLevel) => outlineLevel is >= 0 and <= 8 ? Math.Min(outlineLevel.Value + 1, 6) : null;

    private static StyleRole RoleOf(Style style)
    {
        var properties = style.StyleParagraphProperties;
        var level = LevelFromName(style.StyleName?.Val?.Value) ?? LevelFromName(style.StyleId?.Value) ?? LevelFromOutline(properties?.OutlineLevel?.Val?.Value);
        return new StyleRole(level, properties?.NumberingProperties is not null);
    }

    private static int? LevelFromName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (name.Equals("title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var heading = HeadingName().Match(name);
        return heading.Success ? Math.Min(int.Parse(heading.Groups["level"].Value, CultureInfo.InvariantCulture), 6) : null;
    }

    [GeneratedRegex(@"^heading\s*(?<level>[1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();

    private sealed record StyleRole(int? HeadingLevel, bool IsList);
}
