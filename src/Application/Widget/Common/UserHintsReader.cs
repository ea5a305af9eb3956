using System.Text.Json;
using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Application.Common.Json;
using Chat9.Application.Widget.Common.Identity;
using Chat9.Domain.Common;
using Chat9.Domain.Sessions;

namespace Chat9.Application.Widget.Common;

/// <summary>
/// Reads <c>user_hints</c> (widget-api.md): every member is optional and checked on its own; a member of the wrong type,
/// over its limit or malformed is dropped (and named in <c>dropped</c> for the log), never an error. A value that is
/// not an object is dropped whole. Hints are never trusted for identity.
/// </summary>
public static class UserHintsReader
{
    public static UserHints? Read(JsonElement? element, IdentityTokenRules rules, out IReadOnlyList<string> dropped)
    {
        var problems = new List<string>();
        dropped = problems;
        if (element is not { } hints)
        {
            return null;
        }

        if (hints.ValueKind != JsonValueKind.Object)
        {
            problems.Add("user_hints (not an object)");
            return null;
        }

        var userId = Member(hints, "user_id", rules.UserIdMaxChars, _ => true, problems);
        var email = Member(hints, "email", rules.EmailMaxChars, Text.IsEmail, problems);
        var name = Member(hints, "name", rules.NameMaxChars, _ => true, problems);
        var planTier = Member(hints, "plan_tier", rules.PlanTierMaxChars, _ => true, problems);
        var locale = Member(hints, "locale", rules.LocaleMaxChars, v => LocaleTags.IsWellFormed(v, rules.LocaleMaxChars), problems);
        return userId is null && email is null && name is null && planTier is null && locale is null
            ? null
            : new UserHints(userId, email, name, planTier, locale);
    }

    /// <summary>The trimmed member; a blank one counts as absent. Limits count characters (code points), as everywhere.</summary>
    private static string? Member(JsonElement hints, string name, int maxChars, Func<string, bool> isValid, List<string> problems)
    {
        if (!hints.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = JsonStrings.TextOrNull(value)?.Trim();
        if (text is { Length: 0 })
        {
            return null;
        }

        if (text is not null && Text.CountChars(text) <= maxChars && isValid(text))
        {
            return text;
        }

        problems.Add(name);
        return null;
    }
}
