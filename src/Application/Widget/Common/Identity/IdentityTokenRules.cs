using Chat9.Application.Common.Options;

namespace Chat9.Application.Widget.Common.Identity;

/// <summary>
/// The limits an identity token is checked against (identity.md, limits.md). Character limits count Unicode code points
/// after trimming (the contract's "characters"), except <see cref="MaxTokenChars"/>, which bounds the raw token as received.
/// </summary>
public sealed record IdentityTokenRules(
    int MaxTokenChars,
    int UserIdMaxChars,
    int EmailMaxChars,
    int NameMaxChars,
    int PlanTierMaxChars,
    int LocaleMaxChars,
    TimeSpan MaxLifetime,
    TimeSpan ClockSkew)
{
    /// <summary>The contract's values: 4,096 / 128 / 320 / 200 / 64 / 35 characters, 24 h lifetime, 60 s skew.</summary>
    public static IdentityTokenRules Default { get; } = new(
        MaxTokenChars: 4096,
        UserIdMaxChars: 128,
        EmailMaxChars: 320,
        NameMaxChars: 200,
        PlanTierMaxChars: 64,
        LocaleMaxChars: 35,
        MaxLifetime: TimeSpan.FromHours(24),
        ClockSkew: TimeSpan.FromSeconds(60));

    public static IdentityTokenRules From(LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new IdentityTokenRules(
            limits.IdentityTokenMaxChars,
            limits.UserIdMaxChars,
            limits.EmailMaxChars,
            limits.NameMaxChars,
            limits.PlanTierMaxChars,
            limits.LocaleMaxChars,
            TimeSpan.FromHours(limits.IdentityTokenMaxLifetimeHours),
            TimeSpan.FromSeconds(limits.IdentityClockSkewSeconds));
    }
}
