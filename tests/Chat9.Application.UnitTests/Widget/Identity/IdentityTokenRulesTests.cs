using Chat9.Application.Common.Options;
using Chat9.Application.Widget.Common.Identity;

namespace Chat9.Application.UnitTests.Widget.Identity;

public sealed class IdentityTokenRulesTests
{
    [Test]
    public void Default_HasTheContractsLimits()
    {
        Assert.That(IdentityTokenRules.Default, Is.EqualTo(new IdentityTokenRules(
            MaxTokenChars: 4096,
            UserIdMaxChars: 128,
            EmailMaxChars: 320,
            NameMaxChars: 200,
            PlanTierMaxChars: 64,
            LocaleMaxChars: 35,
            MaxLifetime: TimeSpan.FromHours(24),
            ClockSkew: TimeSpan.FromSeconds(60))));
    }

    [Test]
    public void From_DefaultLimitsOptions_EqualsDefault()
    {
        Assert.That(IdentityTokenRules.From(new LimitsOptions()), Is.EqualTo(IdentityTokenRules.Default));
    }

    [Test]
    public void From_MapsEveryLimit()
    {
        var limits = new LimitsOptions
        {
            IdentityTokenMaxChars = 1,
            UserIdMaxChars = 2,
            EmailMaxChars = 3,
            NameMaxChars = 4,
            PlanTierMaxChars = 5,
            LocaleMaxChars = 6,
            IdentityTokenMaxLifetimeHours = 7,
            IdentityClockSkewSeconds = 8,
        };

        Assert.That(IdentityTokenRules.From(limits), Is.EqualTo(
            new IdentityTokenRules(1, 2, 3, 4, 5, 6, TimeSpan.FromHours(7), TimeSpan.FromSeconds(8))));
    }

    [TestCase(IdentityFailureReason.NoSecret, "no_secret")]
    [TestCase(IdentityFailureReason.Malformed, "malformed")]
    [TestCase(IdentityFailureReason.BadSignature, "bad_signature")]
    [TestCase(IdentityFailureReason.InvalidClaims, "invalid_claims")]
    [TestCase(IdentityFailureReason.Expired, "expired")]
    [TestCase(IdentityFailureReason.NotYetValid, "not_yet_valid")]
    [TestCase(IdentityFailureReason.LifetimeTooLong, "lifetime_too_long")]
    public void ToReasonCode_IsTheLoggedReason(IdentityFailureReason reason, string code)
    {
        Assert.That(reason.ToReasonCode(), Is.EqualTo(code));
    }

    [Test]
    public void ToReasonCode_CoversEveryReason()
    {
        Assert.That(Enum.GetValues<IdentityFailureReason>().Select(r => r.ToReasonCode()).ToList(), Is.Unique.And.Count.EqualTo(7));
    }
}
