using Chat9.Application.Common.Options;
using Chat9.Domain.Common;
using FluentValidation;

namespace Chat9.Application.Sources.CreateUrlSource;

/// <summary>Field rules shared by creating and editing a URL source (limits.md).</summary>
internal static class UrlSourceRules
{
    public const int MaxExclusionChars = 255;

    public static IRuleBuilderOptions<T, string?> Name<T>(IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || (n.Trim().Length > 0 && Text.CountChars(n) <= Domain.Sources.UrlSource.NameMaxChars))
            .WithMessage($"Must be 1–{Domain.Sources.UrlSource.NameMaxChars} characters.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> Exclusions<T>(IRuleBuilder<T, IReadOnlyList<string>?> rule, LimitsOptions limits) =>
        rule.Must(e => e is null || (e.Count <= limits.MaxExclusions && e.All(p => !string.IsNullOrWhiteSpace(p) && p.Length <= MaxExclusionChars)))
            .WithMessage($"At most {limits.MaxExclusions} non-empty patterns of at most {MaxExclusionChars} characters.");

    public static IRuleBuilderOptions<T, int?> MaxPages<T>(IRuleBuilder<T, int?> rule, LimitsOptions limits) =>
        rule.Must(m => m is null || (m >= 1 && m <= limits.CrawlMaxPagesCeiling))
            .WithMessage($"Must be between 1 and {limits.CrawlMaxPagesCeiling}.");
}
