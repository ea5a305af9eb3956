using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Events;
using Chat9.Domain.UnitTests.Common;
using static Chat9.Domain.UnitTests.Common.Moments;

namespace Chat9.Domain.UnitTests.Bots;

public sealed class BotTests
{
    private static Bot NewBot(params string[] allowedDomains)
    {
        var bot = Bot.Create("Acme", allowedDomains, "protected-webhook", Now);
        bot.ClearDomainEvents();
        return bot;
    }

    // ---- Create ----------------------------------------------------------------------------------------------

    [Test]
    public void Create_WhenNameIsValid_GivesWellFormedPublicId()
    {
        var bot = Bot.Create("Acme", [], "protected-webhook", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.PublicId, Does.Match("^ch_[a-z0-9]{16}$"));
            Assert.That(bot.PublicId, Has.Length.EqualTo(BotPublicId.Length));
            Assert.That(BotPublicId.IsWellFormed(bot.PublicId), Is.True);
        }
    }

    [Test]
    public void Create_WhenCalledTwice_GivesDistinctIdsAndPublicIds()
    {
        var first = Bot.Create("Acme", [], "w", Now);
        var second = Bot.Create("Acme", [], "w", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.PublicId, Is.Not.EqualTo(first.PublicId));
            Assert.That(second.Id, Is.Not.EqualTo(first.Id));
        }
    }

    [Test]
    public void Create_WhenNameIsValid_StartsActiveWithDefaults()
    {
        var bot = Bot.Create("  Acme  ", [], "protected-webhook", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.Name, Is.EqualTo("Acme"));
            Assert.That(bot.Status, Is.EqualTo(BotStatus.Active));
            Assert.That(bot.IsActive, Is.True);
            Assert.That(bot.AccentColor, Is.EqualTo("#6d28d9"));
            Assert.That(bot.LinkSafetyEnabled, Is.True);
            Assert.That(bot.AllowedDomains, Is.Empty);
            Assert.That(bot.Escalation, Is.EqualTo(EscalationSettings.Default));
            Assert.That(bot.Answering, Is.EqualTo(AnsweringSettings.Default));
            Assert.That(bot.IdentitySecret, Is.Null);
            Assert.That(bot.WebhookSecret!.ProtectedCurrent, Is.EqualTo("protected-webhook"));
            Assert.That(bot.WebhookSecret.ProtectedPrevious, Is.Null);
            Assert.That(bot.LastTicketNumber, Is.Zero);
            Assert.That(bot.IsDemo, Is.False);
            Assert.That(bot.CreatedAt, Is.EqualTo(Now));
            Assert.That(bot.UpdatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Create_WhenFlaggedAsDemo_IsDemo() =>
        Assert.That(Bot.Create("Demo", [], "w", Now, isDemo: true).IsDemo, Is.True);

    [Test]
    public void Create_WhenNameIsValid_RaisesBotCreated()
    {
        var bot = Bot.Create("Acme", [], "protected-webhook", Now);

        var created = DomainAssert.Raised<BotCreated>(bot);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.BotId, Is.EqualTo(bot.Id));
            Assert.That(created.PublicId, Is.EqualTo(bot.PublicId));
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void Create_WhenNameIsBlank_ThrowsValidationForName(string? name) =>
        DomainAssert.ThrowsValidation("name", () => Bot.Create(name!, [], "w", Now));

    [Test]
    public void Create_WhenAllowedDomainIsInvalid_ThrowsValidationForAllowedDomains() =>
        DomainAssert.ThrowsValidation("allowed_domains", () => Bot.Create("Acme", ["https://x.com"], "w", Now));

    [TestCase("ch_ABCDEFGHIJKLMNOP")]
    [TestCase("ch_abc")]
    [TestCase("ch_abcdefghijklmnopq")]
    [TestCase("xx_abcdefghijklmnop")]
    [TestCase("ch_abcdefghijklmno-")]
    [TestCase("")]
    [TestCase(null)]
    public void IsWellFormed_WhenValueIsNotChPlus16LowercaseAlphanumerics_ReturnsFalse(string? value) =>
        Assert.That(BotPublicId.IsWellFormed(value), Is.False);

    // ---- Settings ---------------------------------------------------------------------------------------------

    [Test]
    public void Rename_WhenNameIsBlank_ThrowsAndKeepsName()
    {
        var bot = NewBot();

        DomainAssert.ThrowsValidation("name", () => bot.Rename("  ", Now.AddMinutes(1)));
        Assert.That(bot.Name, Is.EqualTo("Acme"));
    }

    [Test]
    public void Rename_WhenNameIsValid_ChangesNameAndRaisesSettingsChanged()
    {
        var bot = NewBot();
        var later = Now.AddMinutes(1);

        bot.Rename(" Acme Support ", later);

        var changed = DomainAssert.Raised<BotSettingsChanged>(bot);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.Name, Is.EqualTo("Acme Support"));
            Assert.That(bot.UpdatedAt, Is.EqualTo(later));
            Assert.That(changed.ChangedFields, Is.EqualTo(new[] { "name" }));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void ChangeGreeting_WhenBlank_ClearsGreeting(string? greeting)
    {
        var bot = NewBot();
        bot.ChangeGreeting("Hi!", Now);

        bot.ChangeGreeting(greeting, Now);

        Assert.That(bot.Greeting, Is.Null);
    }

    [Test]
    public void ChangeInstructions_WhenPadded_StoresTrimmed()
    {
        var bot = NewBot();

        bot.ChangeInstructions("  Be brief.  ", Now);

        Assert.That(bot.Instructions, Is.EqualTo("Be brief."));
    }

    [Test]
    public void ChangeAccentColor_WhenUppercase_StoresLowercase()
    {
        var bot = NewBot();
        var later = Now.AddMinutes(1);

        bot.ChangeAccentColor("#ABCDEF", later);

        var changed = DomainAssert.Raised<BotSettingsChanged>(bot);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.AccentColor, Is.EqualTo("#abcdef"));
            Assert.That(bot.UpdatedAt, Is.EqualTo(later));
            Assert.That(changed.ChangedFields, Is.EqualTo(new[] { "accent_color" }));
        }
    }

    [TestCase("red")]
    [TestCase("#abc")]
    [TestCase("6d28d9")]
    [TestCase("#gggggg")]
    [TestCase("#6d28d9 ")]
    [TestCase("")]
    public void ChangeAccentColor_WhenNotHashRrggbb_ThrowsAndKeepsColor(string color)
    {
        var bot = NewBot();

        DomainAssert.ThrowsValidation("accent_color", () => bot.ChangeAccentColor(color, Now));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.AccentColor, Is.EqualTo(Bot.DefaultAccentColor));
            Assert.That(bot.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void ChangeLinkSafety_WhenDisabled_StoresFalse()
    {
        var bot = NewBot();

        bot.ChangeLinkSafety(false, Now);

        Assert.That(bot.LinkSafetyEnabled, Is.False);
    }

    [Test]
    public void ChangeAllowedDomains_WhenMixedCaseDuplicatesAndPadding_NormalizesAndDedupes()
    {
        var bot = NewBot();

        bot.ChangeAllowedDomains(["  Example.COM ", "example.com", "*.Example.com", "EXAMPLE.com"], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.AllowedDomains, Is.EqualTo(new[] { "example.com", "*.example.com" }));
            Assert.That(DomainAssert.Raised<BotSettingsChanged>(bot).ChangedFields, Is.EqualTo(new[] { "allowed_domains" }));
        }
    }

    [Test]
    public void ChangeAllowedDomains_WhenEmpty_ClearsList()
    {
        var bot = NewBot("example.com");

        bot.ChangeAllowedDomains([], Now);

        Assert.That(bot.AllowedDomains, Is.Empty);
    }

    [TestCase("https://x.com")]
    [TestCase("x.com:8080")]
    [TestCase("x.com/path")]
    [TestCase("")]
    [TestCase("*.")]
    [TestCase("exa mple.com")]
    public void ChangeAllowedDomains_WhenEntryHasSchemePortOrIsNotAHost_ThrowsAndKeepsList(string domain)
    {
        var bot = NewBot("keep.example");

        var exception = DomainAssert.ThrowsValidation("allowed_domains", () => bot.ChangeAllowedDomains(["ok.example", domain], Now));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain($"'{domain}'"));
            Assert.That(bot.AllowedDomains, Is.EqualTo(new[] { "keep.example" }));
        }
    }

    [Test]
    public void ChangeAllowedDomains_WhenEntryIsLongerThan255Characters_Throws()
    {
        var bot = NewBot();
        var label = new string('a', 63);
        var tooLong = $"*.{label}.{label}.{label}.{label}"; // 2 + 4 * 63 + 3 = 257 characters

        DomainAssert.ThrowsValidation("allowed_domains", () => bot.ChangeAllowedDomains([tooLong], Now));
    }

    [Test]
    public void ChangeEscalation_WhenGivenSettings_StoresThem()
    {
        var bot = NewBot();
        var escalation = new EscalationSettings(false, "help@acme.test", "https://hooks.acme.test/chat9");

        bot.ChangeEscalation(escalation, Now);

        Assert.That(bot.Escalation, Is.EqualTo(escalation));
    }

    [Test]
    public void ChangeAnswering_WhenGivenSettings_StoresThem()
    {
        var bot = NewBot();

        bot.ChangeAnswering(new AnsweringSettings(0.4, 0.9), Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.Answering.LowConfidenceThreshold, Is.EqualTo(0.4));
            Assert.That(bot.Answering.FaqMatchThreshold, Is.EqualTo(0.9));
        }
    }

    [TestCase(1.5, null, "answering.low_confidence_threshold")]
    [TestCase(-0.1, null, "answering.low_confidence_threshold")]
    [TestCase(double.NaN, null, "answering.low_confidence_threshold")]
    [TestCase(null, 1.01, "answering.faq_match_threshold")]
    public void AnsweringSettings_WhenThresholdOutsideZeroToOne_ThrowsForThatField(double? low, double? faq, string field) =>
        DomainAssert.ThrowsValidation(field, () => _ = new AnsweringSettings(low, faq));

    [Test]
    public void EscalationSettings_WhenSupportEmailIsMalformed_Throws() =>
        DomainAssert.ThrowsValidation("escalation.support_email", () => _ = new EscalationSettings(true, "nope", null));

    [TestCase("ftp://x.example")]
    [TestCase("not a url")]
    [TestCase("https://user:pw@x.example")]
    public void EscalationSettings_WhenWebhookUrlIsNotHttp_Throws(string url) =>
        DomainAssert.ThrowsValidation("escalation.webhook_url", () => _ = new EscalationSettings(true, null, url));

    [Test]
    public void EscalationSettings_WhenWebhookUrlIsLongerThan2048_Throws()
    {
        var url = "https://x.example/" + new string('a', 2048 - 18 + 1);

        DomainAssert.ThrowsValidation("escalation.webhook_url", () => _ = new EscalationSettings(true, null, url));
    }

    [Test]
    public void EscalationSettings_WhenWebhookUrlIsExactly2048_IsAccepted()
    {
        var url = "https://x.example/" + new string('a', 2048 - 18);

        Assert.That(new EscalationSettings(true, null, url).WebhookUrl, Has.Length.EqualTo(2048));
    }

    // ---- Origin check -----------------------------------------------------------------------------------------

    [TestCase("example.com")]
    [TestCase("anything.test")]
    [TestCase("localhost")]
    public void AllowsOriginHost_WhenListIsEmpty_AllowsAnyHost(string host) =>
        Assert.That(NewBot().AllowsOriginHost(host), Is.True);

    [TestCase("example.com", true)]
    [TestCase("EXAMPLE.com", true)]
    [TestCase("www.example.com", false)]
    [TestCase("a.example.com", false)]
    [TestCase("badexample.com", false)]
    [TestCase("example.com.evil.test", false)]
    [TestCase("example.org", false)]
    public void AllowsOriginHost_WhenExactDomainListed_MatchesOnlyThatHostCaseInsensitively(string host, bool expected) =>
        Assert.That(NewBot("example.com").AllowsOriginHost(host), Is.EqualTo(expected));

    [TestCase("a.example.com", true)]
    [TestCase("a.b.example.com", true)]
    [TestCase("A.Example.COM", true)]
    [TestCase("example.com", false)]
    [TestCase("badexample.com", false)]
    [TestCase(".example.com", false)]
    [TestCase("a.example.com.evil.test", false)]
    public void AllowsOriginHost_WhenWildcardListed_MatchesSubdomainsButNotApex(string host, bool expected) =>
        Assert.That(NewBot("*.example.com").AllowsOriginHost(host), Is.EqualTo(expected));

    [Test]
    public void AllowsOriginHost_WhenApexAndWildcardListed_MatchesBoth()
    {
        var bot = NewBot("example.com", "*.example.com");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.AllowsOriginHost("example.com"), Is.True);
            Assert.That(bot.AllowsOriginHost("a.example.com"), Is.True);
            Assert.That(bot.AllowsOriginHost("example.net"), Is.False);
        }
    }

    // ---- Status -----------------------------------------------------------------------------------------------

    [Test]
    public void Disable_WhenActive_DisablesAndRaisesBotDisabled()
    {
        var bot = NewBot();
        var later = Now.AddHours(1);

        bot.Disable(later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.Status, Is.EqualTo(BotStatus.Disabled));
            Assert.That(bot.IsActive, Is.False);
            Assert.That(bot.UpdatedAt, Is.EqualTo(later));
            Assert.That(DomainAssert.Raised<BotDisabled>(bot).BotId, Is.EqualTo(bot.Id));
        }
    }

    [Test]
    public void Disable_WhenAlreadyDisabled_IsNoOpWithoutEvent()
    {
        var bot = NewBot();
        bot.Disable(Now);
        bot.ClearDomainEvents();

        bot.Disable(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.Status, Is.EqualTo(BotStatus.Disabled));
            Assert.That(bot.UpdatedAt, Is.EqualTo(Now));
            Assert.That(bot.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Enable_WhenDisabled_EnablesAndRaisesBotEnabled()
    {
        var bot = NewBot();
        bot.Disable(Now);
        bot.ClearDomainEvents();

        bot.Enable(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.Status, Is.EqualTo(BotStatus.Active));
            Assert.That(bot.UpdatedAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(DomainAssert.Raised<BotEnabled>(bot).BotId, Is.EqualTo(bot.Id));
        }
    }

    [Test]
    public void Enable_WhenAlreadyActive_IsNoOpWithoutEvent()
    {
        var bot = NewBot();

        bot.Enable(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.Status, Is.EqualTo(BotStatus.Active));
            Assert.That(bot.UpdatedAt, Is.EqualTo(Now));
            Assert.That(bot.DomainEvents, Is.Empty);
        }
    }

    // ---- Secrets ----------------------------------------------------------------------------------------------

    [Test]
    public void RotateIdentitySecret_WhenFirstTime_SetsSecretWithoutPrevious()
    {
        var bot = NewBot();

        bot.RotateIdentitySecret("protected-1", Now, TimeSpan.FromHours(1));

        var rotated = DomainAssert.Raised<IdentitySecretRotated>(bot);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.IdentitySecret!.ProtectedCurrent, Is.EqualTo("protected-1"));
            Assert.That(bot.IdentitySecret.ProtectedPrevious, Is.Null);
            Assert.That(bot.IdentitySecret.PreviousValidUntil, Is.Null);
            Assert.That(bot.IdentitySecret.RotatedAt, Is.EqualTo(Now));
            Assert.That(bot.IdentitySecret.ActivePrevious(Now), Is.Null);
            Assert.That(rotated.PreviousValidUntil, Is.Null);
        }
    }

    [Test]
    public void RotateIdentitySecret_WhenSecondTime_KeepsPreviousValidUntilGraceEnds()
    {
        var bot = NewBot();
        var grace = TimeSpan.FromHours(1);
        var rotatedAt = Now.AddDays(1);
        bot.RotateIdentitySecret("protected-1", Now, grace);
        bot.ClearDomainEvents();

        bot.RotateIdentitySecret("protected-2", rotatedAt, grace);

        var secret = bot.IdentitySecret!;
        var rotated = DomainAssert.Raised<IdentitySecretRotated>(bot);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret.ProtectedCurrent, Is.EqualTo("protected-2"));
            Assert.That(secret.ProtectedPrevious, Is.EqualTo("protected-1"));
            Assert.That(secret.PreviousValidUntil, Is.EqualTo(rotatedAt + grace));
            Assert.That(rotated.PreviousValidUntil, Is.EqualTo(rotatedAt + grace));
            Assert.That(secret.ActivePrevious(rotatedAt), Is.EqualTo("protected-1"));
            Assert.That(secret.ActivePrevious(rotatedAt + grace - TimeSpan.FromTicks(1)), Is.EqualTo("protected-1"));
            Assert.That(secret.ActivePrevious(rotatedAt + grace), Is.Null);
            Assert.That(secret.ActivePrevious(rotatedAt + grace + TimeSpan.FromMinutes(1)), Is.Null);
        }
    }

    [Test]
    public void RotateWebhookSecret_WhenBotWasCreatedWithSecret_KeepsCreationSecretAsPrevious()
    {
        var bot = NewBot();
        var grace = TimeSpan.FromHours(24);

        bot.RotateWebhookSecret("protected-webhook-2", Now.AddDays(1), grace);

        var rotated = DomainAssert.Raised<WebhookSecretRotated>(bot);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.WebhookSecret!.ProtectedCurrent, Is.EqualTo("protected-webhook-2"));
            Assert.That(bot.WebhookSecret.ActivePrevious(Now.AddDays(1).AddHours(23)), Is.EqualTo("protected-webhook"));
            Assert.That(bot.WebhookSecret.ActivePrevious(Now.AddDays(2)), Is.Null);
            Assert.That(rotated.PreviousValidUntil, Is.EqualTo(Now.AddDays(2)));
        }
    }

    [Test]
    public void BotSecret_WhenCreated_Is64LowercaseHexCharacters()
    {
        var secret = BotSecret.New();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret, Does.Match("^[0-9a-f]{64}$"));
            Assert.That(BotSecret.New(), Is.Not.EqualTo(secret));
        }
    }

    // ---- Tickets ----------------------------------------------------------------------------------------------

    [Test]
    public void AllocateTicketNumber_WhenCalledRepeatedly_HandsOutOneTwoThree()
    {
        var bot = NewBot();

        var numbers = new[] { bot.AllocateTicketNumber(), bot.AllocateTicketNumber(), bot.AllocateTicketNumber() };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(numbers, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(bot.LastTicketNumber, Is.EqualTo(3));
        }
    }
}
