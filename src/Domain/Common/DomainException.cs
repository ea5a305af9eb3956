namespace Chat9.Domain.Common;

/// <summary>A business rule was broken. <see cref="Code"/> is the stable, snake_case error code clients branch on.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>An argument failed a domain guard. Reported like a validation failure of <see cref="Field"/>.</summary>
public sealed class DomainValidationException(string field, string message)
    : DomainException("validation_failed", message)
{
    public string Field { get; } = field;
}
