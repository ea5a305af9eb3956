namespace Chat9.WebApi.Infrastructure.Hosting;

/// <summary>Configuration section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool SeedOnFirstRun { get; set; } = true;

    /// <summary>Serve the demo page at <c>/</c> (and the sample docs under <c>/demo/docs/</c>); off in production.</summary>
    public bool PageEnabled { get; set; } = true;
}
