using Chat9.Domain.Common;

namespace Chat9.Domain.UnitTests.Common;

public sealed class GuardTests
{
    [Test]
    public void NotBlank_WhenValueHasSurroundingWhiteSpace_ReturnsTrimmedValue() =>
        Assert.That(Guard.NotBlank("  hi  ", "field"), Is.EqualTo("hi"));

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t ")]
    public void NotBlank_WhenValueIsBlank_ThrowsValidationForField(string? value) =>
        DomainAssert.ThrowsValidation("field", () => Guard.NotBlank(value, "field"));

    [Test]
    public void MaxChars_WhenEmojiCountsAsOneCharacter_AcceptsValueAtLimit() =>
        Assert.That(Guard.MaxChars("😀😀", 2, "field"), Is.EqualTo("😀😀"));

    [Test]
    public void MaxChars_WhenOverLimit_Throws() =>
        DomainAssert.ThrowsValidation("field", () => Guard.MaxChars("abc", 2, "field"));

    [TestCase(-0.01)]
    [TestCase(1.01)]
    [TestCase(double.NaN)]
    public void UnitInterval_WhenOutsideZeroToOne_Throws(double value) =>
        DomainAssert.ThrowsValidation("field", () => Guard.UnitInterval(value, "field"));

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(null)]
    public void UnitInterval_WhenInsideZeroToOneOrNull_ReturnsValue(double? value) =>
        Assert.That(Guard.UnitInterval(value, "field"), Is.EqualTo(value));

    [Test]
    public void Email_WhenMalformed_Throws() =>
        DomainAssert.ThrowsValidation("email", () => Guard.Email("nope", "email"));

    [Test]
    public void NotDefault_WhenGuidIsEmpty_Throws() =>
        DomainAssert.ThrowsValidation("id", () => Guard.NotDefault(Guid.Empty, "id"));
}
