namespace Chat9.Domain.Documents;

public enum HealthSeverity
{
    Low,
    Medium,
    High,
}

/// <summary>One finding of a document health check (management-api.md, "Health").</summary>
public sealed record HealthWarning(string Code, HealthSeverity Severity, string Message);

/// <summary>The outcome of a health check: 100, minus 40 per high, 15 per medium and 5 per low warning, never below 0.</summary>
public sealed record HealthReport(int Score, IReadOnlyList<HealthWarning> Warnings)
{
    public static HealthReport From(IReadOnlyList<HealthWarning> warnings) =>
        new(Math.Max(0, 100 - warnings.Sum(w => w.Severity switch
        {
            HealthSeverity.High => 40,
            HealthSeverity.Medium => 15,
            _ => 5,
        })), warnings);
}
