using Chat9.Application.Bots.UpdateBotSettings;
using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using Chat9.Application.UnitTests.TestSupport;

namespace Chat9.Application.UnitTests.Bots.UpdateBotSettings;

public sealed class UpdateBotSettingsCommandValidatorTests
{
    private static readonly Guid BotId = Guid.NewGuid();

    private static IReadOnlyDictionary<string, string[]> Errors(BotSettingsPatch patch, IReadOnlyList<string>? rejected = null, LimitsOptions? limits = null) =>
        ApplicationValidators.Single<UpdateBotSettingsCommand>(limits).Errors(new UpdateBotSettingsCommand(BotId, patch, rejected ?? []));

    private static BotSettingsPatch Domains(IReadOnlyList<string>? domains) =>
        new() { AllowedDomains = new Optional<IReadOnlyList<string>?>(domains) };

    private static BotSettingsPatch Escalation(EscalationPatch? escalation) =>
        new() { Escalation = new Optional<EscalationPatch?>(escalation) };

    private static BotSettingsPatch Answering(AnsweringPatch? answering) =>
        new() { Answering = new Optional<AnsweringPatch?>(answering) };

    // ---- Whole patch ------------------------------------------------------------------------------------------

    [Test]
    public void Validate_WhenPatchIsEmpty_IsValid() =>
        Assert.That(Errors(new BotSettingsPatch()), Is.Empty);

    [Test]
    public void Validate_WhenEveryMemberIsValid_IsValid()
    {
        var patch = new BotSettingsPatch
        {
            Name = new Optional<string?>("Acme Support"),
            Greeting = new Optional<string?>(null),
            Instructions = new Optional<string?>("Be brief."),
            AccentColor = new Optional<string?>("#ABCDEF"),
            LinkSafetyEnabled = new Optional<bool?>(false),
            AllowedDomains = new Optional<IReadOnlyList<string>?>(["acme.test", "*.acme.test"]),
            Escalation = new Optional<EscalationPatch?>(new EscalationPatch
            {
                Enabled = new Optional<bool?>(true),
                SupportEmail = new Optional<string?>("support@acme.test"),
                WebhookUrl = new Optional<string?>("https://hooks.acme.test/chat9"),
            }),
            Answering = new Optional<AnsweringPatch?>(new AnsweringPatch
            {
                LowConfidenceThreshold = new Optional<double?>(0.35),
                FaqMatchThreshold = new Optional<double?>(null),
            }),
        };

        Assert.That(Errors(patch), Is.Empty);
    }

    [Test]
    public void Validate_WhenSeveralMembersInvalid_ReportsEachUnderItsOwnKey()
    {
        var patch = new BotSettingsPatch { Name = new Optional<string?>(""), AccentColor = new Optional<string?>("red") };

        Assert.That(Errors(patch, ["nme"]).Keys, Is.EquivalentTo(new[] { "name", "accent_color", "nme" }));
    }

    // ---- name -------------------------------------------------------------------------------------------------

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void Validate_WhenNameIsEmptyOrNull_IsInvalidKeyedName(string? name)
    {
        var errors = Errors(new BotSettingsPatch { Name = new Optional<string?>(name) });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "name" }));
        Assert.That(errors["name"], Is.EqualTo(new[] { "Must be a non-empty string." }));
    }

    [Test]
    public void Validate_WhenNameHas100Characters_IsValid() =>
        Assert.That(Errors(new BotSettingsPatch { Name = new Optional<string?>(new string('a', 100)) }), Is.Empty);

    [Test]
    public void Validate_WhenNameHas101Characters_IsInvalidKeyedName()
    {
        var errors = Errors(new BotSettingsPatch { Name = new Optional<string?>(new string('a', 101)) });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "name" }));
        Assert.That(errors["name"], Is.EqualTo(new[] { "Must be at most 100 characters." }));
    }

    [Test]
    public void Validate_WhenNameHas100EmojiOf200Utf16Units_IsValid()
    {
        var name = string.Concat(Enumerable.Repeat("😀", 100));
        Assume.That(name, Has.Length.EqualTo(200));

        Assert.That(Errors(new BotSettingsPatch { Name = new Optional<string?>(name) }), Is.Empty);
    }

    [Test]
    public void Validate_WhenNameHas101Emoji_IsInvalidKeyedName()
    {
        var name = string.Concat(Enumerable.Repeat("😀", 101));

        Assert.That(Errors(new BotSettingsPatch { Name = new Optional<string?>(name) }).Keys, Is.EquivalentTo(new[] { "name" }));
    }

    [Test]
    public void Validate_WhenNameHas100CharactersPlusSurroundingSpaces_IsValid()
    {
        var name = "  " + new string('a', 100) + "  ";

        Assert.That(Errors(new BotSettingsPatch { Name = new Optional<string?>(name) }), Is.Empty);
    }

    [Test]
    public void Validate_WhenOperatorLowersNameLimit_UsesConfiguredLimit()
    {
        var limits = new LimitsOptions { BotNameMaxChars = 5 };

        var tooLong = Errors(new BotSettingsPatch { Name = new Optional<string?>("Sixsix") }, limits: limits);
        var atLimit = Errors(new BotSettingsPatch { Name = new Optional<string?>("Fivea") }, limits: limits);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tooLong["name"], Is.EqualTo(new[] { "Must be at most 5 characters." }));
            Assert.That(atLimit, Is.Empty);
        }
    }

    // ---- greeting / instructions ------------------------------------------------------------------------------

    [Test]
    public void Validate_WhenGreetingIsNull_IsValid() =>
        Assert.That(Errors(new BotSettingsPatch { Greeting = new Optional<string?>(null) }), Is.Empty);

    [TestCase(500, true)]
    [TestCase(501, false)]
    public void Validate_WhenGreetingHasLength_IsValidUpTo500(int length, bool valid)
    {
        var errors = Errors(new BotSettingsPatch { Greeting = new Optional<string?>(new string('g', length)) });

        Assert.That(errors.Keys, valid ? Is.Empty : Is.EquivalentTo(new[] { "greeting" }));
    }

    [TestCase(3000, true)]
    [TestCase(3001, false)]
    public void Validate_WhenInstructionsHaveLength_IsValidUpTo3000(int length, bool valid)
    {
        var errors = Errors(new BotSettingsPatch { Instructions = new Optional<string?>(new string('i', length)) });

        Assert.That(errors.Keys, valid ? Is.Empty : Is.EquivalentTo(new[] { "instructions" }));
    }

    // ---- accent_color / link_safety_enabled -------------------------------------------------------------------

    [TestCase("#ABCDEF")]
    [TestCase("#6d28d9")]
    public void Validate_WhenAccentColorIsHashRrggbb_IsValid(string color) =>
        Assert.That(Errors(new BotSettingsPatch { AccentColor = new Optional<string?>(color) }), Is.Empty);

    [TestCase("red")]
    [TestCase("#abc")]
    [TestCase("6d28d9")]
    [TestCase(null)]
    public void Validate_WhenAccentColorIsNotHashRrggbb_IsInvalidKeyedAccentColor(string? color)
    {
        var errors = Errors(new BotSettingsPatch { AccentColor = new Optional<string?>(color) });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "accent_color" }));
    }

    [Test]
    public void Validate_WhenLinkSafetyEnabledIsNull_IsInvalidKeyedLinkSafetyEnabled() =>
        Assert.That(Errors(new BotSettingsPatch { LinkSafetyEnabled = new Optional<bool?>(null) }).Keys,
            Is.EquivalentTo(new[] { "link_safety_enabled" }));

    // ---- allowed_domains --------------------------------------------------------------------------------------

    [Test]
    public void Validate_WhenAllowedDomainsIsNull_IsInvalidKeyedAllowedDomains()
    {
        var errors = Errors(Domains(null));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "allowed_domains" }));
        Assert.That(errors["allowed_domains"], Has.Length.EqualTo(1));
    }

    [Test]
    public void Validate_WhenAllowedDomainsIsEmpty_IsValid() =>
        Assert.That(Errors(Domains([])), Is.Empty);

    [Test]
    public void Validate_WhenAllowedDomainsHas50Entries_IsValid() =>
        Assert.That(Errors(Domains([.. Enumerable.Range(0, 50).Select(i => $"d{i}.acme.test")])), Is.Empty);

    [Test]
    public void Validate_WhenAllowedDomainsHas51Entries_IsInvalidKeyedAllowedDomains()
    {
        var errors = Errors(Domains([.. Enumerable.Range(0, 51).Select(i => $"d{i}.acme.test")]));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "allowed_domains" }));
        Assert.That(errors["allowed_domains"], Is.EqualTo(new[] { "At most 50 entries." }));
    }

    [TestCase("https://a.com")]
    [TestCase("a.com:8080")]
    [TestCase("a.com/path")]
    [TestCase("")]
    public void Validate_WhenAnAllowedDomainHasSchemePortOrIsNotAHost_IsInvalidKeyedAllowedDomains(string domain) =>
        Assert.That(Errors(Domains(["ok.acme.test", domain])).Keys, Is.EquivalentTo(new[] { "allowed_domains" }));

    [Test]
    public void Validate_WhenAnAllowedDomainIsMixedCaseAndPadded_IsValid() =>
        Assert.That(Errors(Domains([" Acme.TEST ", "*.Acme.test"])), Is.Empty);

    // ---- escalation -------------------------------------------------------------------------------------------

    [Test]
    public void Validate_WhenEscalationIsNull_IsInvalidKeyedEscalation() =>
        Assert.That(Errors(Escalation(null)).Keys, Is.EquivalentTo(new[] { "escalation" }));

    [Test]
    public void Validate_WhenEscalationIsAnEmptyObject_IsValid() =>
        Assert.That(Errors(Escalation(new EscalationPatch())), Is.Empty);

    [Test]
    public void Validate_WhenSupportEmailIsMalformed_IsInvalidKeyedEscalationSupportEmail()
    {
        var errors = Errors(Escalation(new EscalationPatch { SupportEmail = new Optional<string?>("nope") }));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "escalation.support_email" }));
        Assert.That(errors["escalation.support_email"], Is.EqualTo(new[] { "Not a valid e-mail address." }));
    }

    [TestCase(null)]
    [TestCase("support@acme.test")]
    [TestCase("  support@acme.test  ")]
    public void Validate_WhenSupportEmailIsNullOrValid_IsValid(string? email) =>
        Assert.That(Errors(Escalation(new EscalationPatch { SupportEmail = new Optional<string?>(email) })), Is.Empty);

    [TestCase("ftp://x")]
    [TestCase("not a url")]
    [TestCase("https://user:pw@hooks.acme.test")]
    [TestCase("/relative")]
    public void Validate_WhenWebhookUrlIsNotHttp_IsInvalidKeyedEscalationWebhookUrl(string url) =>
        Assert.That(Errors(Escalation(new EscalationPatch { WebhookUrl = new Optional<string?>(url) })).Keys,
            Is.EquivalentTo(new[] { "escalation.webhook_url" }));

    [TestCase(null)]
    [TestCase("https://hooks.acme.test/chat9")]
    [TestCase("http://localhost:8080/hook")]
    public void Validate_WhenWebhookUrlIsNullOrHttp_IsValid(string? url) =>
        Assert.That(Errors(Escalation(new EscalationPatch { WebhookUrl = new Optional<string?>(url) })), Is.Empty);

    [Test]
    public void Validate_WhenWebhookUrlIsLongerThan2048_IsInvalid()
    {
        var url = "https://hooks.acme.test/" + new string('a', 2048 - 24 + 1);

        Assert.That(Errors(Escalation(new EscalationPatch { WebhookUrl = new Optional<string?>(url) })).Keys,
            Is.EquivalentTo(new[] { "escalation.webhook_url" }));
    }

    [Test]
    public void Validate_WhenWebhookUrlIs2048CharactersAfterTrimming_IsValid()
    {
        // limits.md: URLs ≤ 2,048 characters; spec README: characters are counted after trimming. The handler trims too.
        var url = "https://hooks.acme.test/" + new string('a', 2048 - 24);
        Assume.That(url, Has.Length.EqualTo(2048));

        Assert.That(Errors(Escalation(new EscalationPatch { WebhookUrl = new Optional<string?>(" " + url + " ") })), Is.Empty);
    }

    [Test]
    public void Validate_WhenEscalationEnabledIsNull_IsInvalidKeyedEscalationEnabled() =>
        Assert.That(Errors(Escalation(new EscalationPatch { Enabled = new Optional<bool?>(null) })).Keys,
            Is.EquivalentTo(new[] { "escalation.enabled" }));

    // ---- answering --------------------------------------------------------------------------------------------

    [TestCase(1.5)]
    [TestCase(-0.01)]
    [TestCase(double.NaN)]
    public void Validate_WhenLowConfidenceThresholdOutsideZeroToOne_IsInvalidKeyed(double threshold)
    {
        var errors = Errors(Answering(new AnsweringPatch { LowConfidenceThreshold = new Optional<double?>(threshold) }));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "answering.low_confidence_threshold" }));
    }

    [TestCase(null)]
    [TestCase(0.0)]
    [TestCase(1.0)]
    public void Validate_WhenLowConfidenceThresholdIsNullOrInRange_IsValid(double? threshold) =>
        Assert.That(Errors(Answering(new AnsweringPatch { LowConfidenceThreshold = new Optional<double?>(threshold) })), Is.Empty);

    [Test]
    public void Validate_WhenFaqMatchThresholdAboveOne_IsInvalidKeyed() =>
        Assert.That(Errors(Answering(new AnsweringPatch { FaqMatchThreshold = new Optional<double?>(2) })).Keys,
            Is.EquivalentTo(new[] { "answering.faq_match_threshold" }));

    [Test]
    public void Validate_WhenAnsweringIsNull_IsInvalidKeyedAnswering() =>
        Assert.That(Errors(Answering(null)).Keys, Is.EquivalentTo(new[] { "answering" }));

    // ---- rejected members -------------------------------------------------------------------------------------

    [TestCase("public_id")]
    [TestCase("id")]
    [TestCase("status")]
    [TestCase("limits")]
    [TestCase("created_at")]
    [TestCase("updated_at")]
    [TestCase("identity.secret_configured")]
    public void Validate_WhenReadOnlyMemberSent_IsInvalidKeyedByThatMemberAsReadOnly(string member)
    {
        var errors = Errors(new BotSettingsPatch(), [member]);

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { member }));
        Assert.That(errors[member].Single(), Does.Contain("read-only"));
    }

    [TestCase("nme")]
    [TestCase("escalation.emial")]
    [TestCase("Name")]
    public void Validate_WhenUnknownMemberSent_IsInvalidKeyedByThatMemberAsUnknown(string member)
    {
        var errors = Errors(new BotSettingsPatch(), [member]);

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { member }));
        Assert.That(errors[member].Single(), Does.Contain("Unknown"));
    }

    [Test]
    public void Validate_WhenSeveralMembersRejected_ReportsEach() =>
        Assert.That(Errors(new BotSettingsPatch(), ["public_id", "nme"]).Keys, Is.EquivalentTo(new[] { "public_id", "nme" }));
}
