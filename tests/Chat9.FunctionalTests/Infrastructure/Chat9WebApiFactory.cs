using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>The real server (real DI, real pipeline, real database) on a real loopback port.</summary>
public sealed class Chat9WebApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _configuration;
    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="configuration">Settings on top of the server's own.</param>
    /// <param name="testServices">Replaces services after the server registered its own (e.g. a failing decorator).</param>
    public Chat9WebApiFactory(IReadOnlyDictionary<string, string?> configuration, Action<IServiceCollection>? testServices = null)
    {
        _configuration = configuration;
        _testServices = testServices;
        UseKestrel(0);
    }

    /// <summary>Everything the server logged, for assertions about what must never be logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:SeedOnFirstRun", "false");
        builder.UseSetting("Ingestion:PollSeconds", "0.2");
        builder.UseSetting("Jobs:PollSeconds", "0.2");
        // Knowledge jobs call the guard model when one is configured: they run in a test only when it asks for them
        // (a fixture's Settings win), so no background call lands among the requests another test counts.
        builder.UseSetting("Jobs:KnowledgeRefreshDelaySeconds", "3600");
        builder.UseSetting("Jobs:ScheduleCheckSeconds", "3600");
        foreach (var (key, value) in _configuration)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }
}
