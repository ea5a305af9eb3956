using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Chat9.Application.Bots.CreateBot;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.WebApi.Cli;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>
/// Runs each derived fixture against a real SQLite file and, where Docker is available, against SQL Server.
/// Each fixture gets its own empty database and its own server on a loopback port; tests create their own bots.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.SqlServer)]
public abstract class FunctionalTestBase(DatabaseKind databaseKind)
{
    protected DatabaseKind DatabaseKind { get; } = databaseKind;

    protected ITestDatabase Database { get; private set; } = null!;

    protected Chat9WebApiFactory Factory { get; private set; } = null!;

    /// <summary>A client without credentials.</summary>
    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        Database = await ITestDatabase.CreateAsync(DatabaseKind);
        await BeforeServerStartsAsync();
        Factory = new Chat9WebApiFactory(ServerConfiguration);
        Factory.StartServer();
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>Starts what the server needs to find running (e.g. a fake model provider) before it is created.</summary>
    protected virtual Task BeforeServerStartsAsync() => Task.CompletedTask;

    /// <summary>Settings on top of the database's, for fixtures that need other limits.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The whole configuration of this fixture's server (database, data folder and <see cref="Settings"/>).</summary>
    protected IReadOnlyDictionary<string, string?> ServerConfiguration =>
        Database.Configuration.Concat(Settings).ToDictionary(p => p.Key, p => p.Value);

    protected async Task<TResult> SendAsync<TResult>(ICommand<TResult> command)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    protected async Task<TResult> SendAsync<TResult>(IQuery<TResult> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    protected Task<CreatedBotDto> CreateBotAsync(string name = "Test bot", params string[] allowedDomains) =>
        SendAsync(new CreateBotCommand(name, allowedDomains));

    /// <summary>A client that sends <paramref name="apiKey"/> as a bearer token.</summary>
    protected HttpClient ClientWithKey(string apiKey)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Runs an admin command in-process against this fixture's database.</summary>
    protected async Task<CliResult> RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AdminCli.RunAsync(args, stdout, stderr, ServerConfiguration);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The single JSON object a <c>--json</c> command must print, and nothing else.</summary>
    public JsonElement Json()
    {
        var lines = Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(1), $"Expected exactly one line on stdout, got:\n{Stdout}\nstderr:\n{Stderr}");
        var root = JsonDocument.Parse(lines[0]).RootElement.Clone();
        Assert.That(root.ValueKind, Is.EqualTo(JsonValueKind.Object));
        return root;
    }
}
