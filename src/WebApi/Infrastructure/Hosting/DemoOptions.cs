namespace Chat9.WebApi.Infrastructure.Hosting;

/// <summary>Configuration section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool SeedOnFirstRun { get; set; } = true;
}
