using System.Text.Json;
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

        var userId = Member(hints, "user_id", v => v.Trim().Length > 0 && v.Length <= rules.UserIdMaxChars, problems);
        var email = Member(hints, "email", v => v.Trim().Length <= rules.EmailMaxChars && Text.IsEmail(v.Trim()), problems)?.Trim();
        var name = Member(hints, "name", v => v.Trim().Length > 0 && v.Length <= rules.NameMaxChars, problems)?.Trim();
        var planTier = Member(hints, "plan_tier", v => v.Trim().Length > 0 && v.Length <= rules.PlanTierMaxChars, problems)?.Trim();
        var locale = Member(hints, "locale", v => LocaleTags.IsValid(v, rules.LocaleMaxChars), problems);
        return userId is null && email is null && name is null && planTier is null && locale is null
            ? null
            : new UserHints(userId?.Trim(), email, name, planTier, locale);
    }

    private static string? Member(JsonElement hints, string name, Func<string, bool> isValid, List<string> problems)
    {
        if (!hints.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && isValid(text))
        {
            return text;
        }

        problems.Add(name);
        return null;
    }
}
