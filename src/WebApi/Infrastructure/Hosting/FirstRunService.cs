using Chat9.Application.Bots.ListBots;
using Chat9.Application.Demo.GetDemoBot;
using Chat9.Application.Demo.SeedDemoBot;
using Mediator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Infrastructure.Hosting;

/// <summary>
/// Once the server listens: on a database without bots, seeds the demo bot; then prints where Chat9 runs.
/// The one-time API key goes to the console only, never to a log sink.
/// </summary>
public sealed class FirstRunService(
    IServiceScopeFactory scopes,
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IOptions<DemoOptions> demo,
    ILogger<FirstRunService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => AnnounceAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var baseUrl = PublicBaseUrl();
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();

            var console = new System.Text.StringBuilder();
            console.AppendLine($"Chat9 is running at {baseUrl}");

            var bots = await sender.Send(new ListBotsQuery(), cancellationToken);
            if (bots.Items.Count == 0 && demo.Value.SeedOnFirstRun)
            {
                var seeded = await sender.Send(new SeedDemoBotCommand(Reset: false, baseUrl), cancellationToken);
                console.AppendLine($"First run: created the demo bot \"{SeedDemoBotCommandHandler.DemoBotName}\".");
                console.AppendLine($"  Bot public id : {seeded.PublicId}");
                console.AppendLine($"  API key       : {seeded.ApiKey}   (shown only now; store it)");
            }
            else
            {
                var demoBot = await sender.Send(new GetDemoBotQuery(), cancellationToken);
                if (demoBot is not null)
                {
                    console.AppendLine($"  Bot public id : {demoBot.PublicId}");
                }
            }

            if (demo.Value.PageEnabled)
            {
                console.AppendLine($"  Demo page     : {baseUrl}/");
            }

            console.AppendLine($"  API docs      : {baseUrl}/docs");
            Console.Out.Write(console.ToString());
            await Console.Out.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "First-run setup failed; the server keeps running.");
        }
    }

    private string PublicBaseUrl()
    {
        var configured = configuration["PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? ServerDefaults.Url;
        return first.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost").TrimEnd('/');
    }
}

public static class ServerDefaults
{
    /// <summary>The fixed, documented default listen address.</summary>
    public const string Url = "http://localhost:5080";
}
