namespace Chat9.Domain.Common;

/// <summary>Guards for domain invariants. Application validators check the same rules earlier with friendlier messages.</summary>
public static class Guard
{
    public static string NotBlank(string? value, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainValidationException(field, "Must not be empty.");
        }

        return trimmed;
    }

    public static string? MaxChars(string? value, int maxChars, string field)
    {
        if (value is not null && Text.CountChars(value) > maxChars)
        {
            throw new DomainValidationException(field, $"Must be at most {maxChars} characters.");
        }

        return value;
    }

    public static double? UnitInterval(double? value, string field)
    {
        if (value is { } v && (double.IsNaN(v) || v < 0 || v > 1))
        {
            throw new DomainValidationException(field, "Must be between 0 and 1.");
        }

        return value;
    }

    public static string? Email(string? value, string field)
    {
        if (value is not null && !Text.IsEmail(value))
        {
            throw new DomainValidationException(field, "Not a valid e-mail address.");
        }

        return value;
    }

    public static void NotDefault(Guid id, string field)
    {
        if (id == Guid.Empty)
        {
            throw new DomainValidationException(field, "Must be set.");
        }
    }
}
