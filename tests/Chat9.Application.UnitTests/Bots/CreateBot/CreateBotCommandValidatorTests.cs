using Chat9.Application.Bots.CreateBot;
using Chat9.Application.UnitTests.TestSupport;

namespace Chat9.Application.UnitTests.Bots.CreateBot;

public sealed class CreateBotCommandValidatorTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(string name, params string[] allowedDomains) =>
        ApplicationValidators.Single<CreateBotCommand>().Errors(new CreateBotCommand(name, allowedDomains));

    [Test]
    public void Validate_WhenNameAndDomainsAreValid_IsValid() =>
        Assert.That(Errors("Acme", "acme.test", "*.acme.test"), Is.Empty);

    [Test]
    public void Validate_WhenNoDomains_IsValid() =>
        Assert.That(Errors("Acme"), Is.Empty);

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void Validate_WhenNameIsBlank_IsInvalidKeyedName(string? name)
    {
        var errors = Errors(name!);

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "name" }));
        Assert.That(errors["name"], Is.EqualTo(new[] { "Must not be empty." }));
    }

    [Test]
    public void Validate_WhenNameHas101Characters_IsInvalidKeyedName() =>
        Assert.That(Errors(new string('a', 101))["name"], Is.EqualTo(new[] { "Must be at most 100 characters." }));

    [Test]
    public void Validate_WhenNameHas100Emoji_IsValid() =>
        Assert.That(Errors(string.Concat(Enumerable.Repeat("😀", 100))), Is.Empty);

    [TestCase("https://a.com")]
    [TestCase("a.com:8080")]
    [TestCase("")]
    public void Validate_WhenAnAllowedDomainIsNotAHost_IsInvalidKeyedByItsIndex(string domain)
    {
        var errors = Errors("Acme", "ok.acme.test", domain);

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "allowed_domains[1]" }));
        Assert.That(errors["allowed_domains[1]"].Single(), Does.Contain($"'{domain}'"));
    }

    [Test]
    public void Validate_WhenMoreThan50Domains_IsInvalidKeyedAllowedDomains()
    {
        var domains = Enumerable.Range(0, 51).Select(i => $"d{i}.acme.test").ToArray();

        Assert.That(Errors("Acme", domains)["allowed_domains"], Is.EqualTo(new[] { "At most 50 entries." }));
    }
}
