using System.CommandLine;
using System.Text.Json;
using Chat9.Application.ApiKeys.CreateApiKey;
using Chat9.Application.ApiKeys.ListApiKeys;
using Chat9.Application.ApiKeys.RevokeApiKey;
using Chat9.Application.ApiKeys.RotateApiKey;
using Chat9.Application.Bots.CreateBot;
using Chat9.Application.Bots.DisableBot;
using Chat9.Application.Bots.EnableBot;
using Chat9.Application.Bots.ListBots;
using Chat9.Application.Bots.RotateIdentitySecret;
using Chat9.Application.Bots.RotateWebhookSecret;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Json;
using Chat9.Application.Database.MigrateDatabase;
using Chat9.Application.Demo.SeedDemoBot;
using Chat9.Application;
using Chat9.Domain.Common;
using Chat9.Infrastructure.Persistence;
using Chat9.Infrastructure;
using Chat9.WebApi.Infrastructure.Hosting;
using Chat9.WebApi.Infrastructure.Json;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Cli;

/// <summary>
/// The admin commands of admin.md, run by the server executable when its first argument names one.
/// <c>--json</c> prints exactly one JSON object on stdout. Exit codes: 0 ok, 1 refused/failed, 2 usage, 3 not found.
/// </summary>
public static class AdminCli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    public const int NotFound = 3;

    private static readonly string[] CommandNames = ["bots", "keys", "identity-secret", "webhook-secret", "db", "demo"];

    public static bool IsAdminCommand(string[] args) => args.Length > 0 && CommandNames.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, configuration: null);

    /// <param name="configuration">Extra configuration on top of the server's own sources (tests point it at their data folder).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? configuration)
    {
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON object on stdout.", Recursive = true };
        var root = new RootCommand("Chat9 admin commands. Without a command, the executable serves HTTP.") { json };
        var output = new CommandOutput(stdout, stderr);
        root.Subcommands.Add(BotsCommand(output, configuration));
        root.Subcommands.Add(KeysCommand(output, configuration));
        root.Subcommands.Add(SecretCommand("identity-secret", "The HMAC secret for identity tokens.", output, configuration,
            bot => new RotateIdentitySecretCommand(bot)));
        root.Subcommands.Add(SecretCommand("webhook-secret", "The secret that signs ticket webhooks.", output, configuration,
            bot => new RotateWebhookSecretCommand(bot)));
        root.Subcommands.Add(DatabaseCommand(output, configuration));
        root.Subcommands.Add(DemoCommand(output, configuration));

        var parsed = root.Parse(args);
        output.Json = parsed.GetValue(json);
        if (parsed.Errors.Count > 0)
        {
            return output.Error(UsageError, "usage_error", string.Join(" ", parsed.Errors.Select(e => e.Message)));
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static Command BotsCommand(CommandOutput output, IReadOnlyDictionary<string, string?>? configuration)
    {
        var name = new Option<string>("--name") { Description = "The bot's display name.", Required = true };
        var allowedDomain = new Option<string[]>("--allowed-domain") { Description = "A host allowed to embed the widget (repeatable).", AllowMultipleArgumentsPerToken = false };
        var create = new Command("create", "Create a bot, its first API key and its webhook secret.") { name, allowedDomain };
        create.SetAction((parse, ct) => Execute(output, configuration, ct, sender =>
            sender.Send(new CreateBotCommand(parse.GetRequiredValue(name), parse.GetValue(allowedDomain) ?? []), ct)));

        var list = new Command("list", "List bots.");
        list.SetAction((parse, ct) => Execute(output, configuration, ct, sender => sender.Send(new ListBotsQuery(), ct)));

        var disableId = new Argument<string>("public_id") { Description = "The bot's public id (ch_…)." };
        var disable = new Command("disable", "Disable a bot: its endpoints answer 403 bot_inactive; data is kept.") { disableId };
        disable.SetAction((parse, ct) => Execute(output, configuration, ct, sender =>
            sender.Send(new DisableBotCommand(parse.GetRequiredValue(disableId)), ct)));

        var enableId = new Argument<string>("public_id") { Description = "The bot's public id (ch_…)." };
        var enable = new Command("enable", "Re-enable a disabled bot.") { enableId };
        enable.SetAction((parse, ct) => Execute(output, configuration, ct, sender =>
            sender.Send(new EnableBotCommand(parse.GetRequiredValue(enableId)), ct)));

        return new Command("bots", "Manage bots.") { create, list, disable, enable };
    }

    private static Command KeysCommand(CommandOutput output, IReadOnlyDictionary<string, string?>? configuration)
    {
        Option<string> BotOption() => new("--bot") { Description = "The bot's public id (ch_…).", Required = true };

        var createBot = BotOption();
        var create = new Command("create", "Add an API key to a bot.") { createBot };
        create.SetAction((parse, ct) => Execute(output, configuration, ct, sender =>
            sender.Send(new CreateApiKeyCommand(parse.GetRequiredValue(createBot)), ct)));

        var listBot = BotOption();
        var list = new Command("list", "List a bot's keys (never plaintext).") { listBot };
        list.SetAction((parse, ct) => Execute(output, configuration, ct, sender =>
            sender.Send(new ListApiKeysQuery(parse.GetRequiredValue(listBot)), ct)));

        var keyId = new Argument<Guid>("key_id") { Description = "The key's id (from keys list)." };
        var force = new Option<bool>("--force") { Description = "Also revoke the bot's last usable key." };
        var revoke = new Command("revoke", "Revoke a key at once.") { keyId, force };
        revoke.SetAction((parse, ct) => Execute(output, configuration, ct, sender =>
            sender.Send(new RevokeApiKeyCommand(parse.GetRequiredValue(keyId), parse.GetValue(force)), ct)));

        var rotateBot = BotOption();
        var rotateKey = new Option<Guid?>("--key") { Description = "The key to retire (required when the bot has several active keys)." };
        var immediate = new Option<bool>("--immediate") { Description = "Revoke the old key now instead of after the grace period." };
        var rotate = new Command("rotate", "Create a new key; the old one keeps working for the grace period (24 h by default).") { rotateBot, rotateKey, immediate };
        rotate.SetAction((parse, ct) => Execute(output, configuration, ct, sender =>
            sender.Send(new RotateApiKeyCommand(parse.GetRequiredValue(rotateBot), parse.GetValue(rotateKey), parse.GetValue(immediate)), ct)));

        return new Command("keys", "Manage API keys.") { create, list, revoke, rotate };
    }

    private static Command SecretCommand<TResult>(
        string name, string description, CommandOutput output, IReadOnlyDictionary<string, string?>? configuration, Func<string, ICommand<TResult>> rotateCommand)
    {
        var bot = new Option<string>("--bot") { Description = "The bot's public id (ch_…).", Required = true };
        var rotate = new Command("rotate", "Create the secret, or replace it while the previous one stays valid for its grace period.") { bot };
        rotate.SetAction((parse, ct) => Execute(output, configuration, ct, sender => sender.Send(rotateCommand(parse.GetRequiredValue(bot)), ct)));
        return new Command(name, description) { rotate };
    }

    private static Command DatabaseCommand(CommandOutput output, IReadOnlyDictionary<string, string?>? configuration)
    {
        var migrate = new Command("migrate", "Apply pending migrations of the configured provider.");
        migrate.SetAction((_, ct) => Execute(output, configuration, ct, sender => sender.Send(new MigrateDatabaseCommand(), ct), migrateFirst: false));
        return new Command("db", "Database maintenance.") { migrate };
    }

    private static Command DemoCommand(CommandOutput output, IReadOnlyDictionary<string, string?>? configuration)
    {
        var reset = new Option<bool>("--reset") { Description = "Delete the demo bot and all its data, then create it again." };
        var seed = new Command("seed", "Create the demo bot if none exists.") { reset };
        seed.SetAction((parse, ct) => Execute(output, configuration, ct, (sender, config) =>
            sender.Send(new SeedDemoBotCommand(parse.GetValue(reset), config["PublicBaseUrl"] ?? FirstUrl(config["urls"]) ?? ServerDefaults.Url), ct)));
        return new Command("demo", "The demo bot.") { seed };
    }

    private static string? FirstUrl(string? urls) => urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static Task<int> Execute<TResult>(CommandOutput output, IReadOnlyDictionary<string, string?>? configuration, CancellationToken ct,
        Func<ISender, ValueTask<TResult>> run, bool migrateFirst = true) =>
        Execute(output, configuration, ct, (sender, _) => run(sender), migrateFirst);

    private static async Task<int> Execute<TResult>(CommandOutput output, IReadOnlyDictionary<string, string?>? configuration, CancellationToken ct,
        Func<ISender, IConfiguration, ValueTask<TResult>> run, bool migrateFirst = true)
    {
        try
        {
            var config = BuildConfiguration(configuration);
            await using var services = BuildServices(config);
            await using var scope = services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            if (migrateFirst && services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ApplyMigrationsOnStartup)
            {
                await sender.Send(new MigrateDatabaseCommand(), ct);
            }

            var result = await run(sender, config);
            output.Result(result);
            return Ok;
        }
        catch (NotFoundException ex)
        {
            return output.Error(NotFound, ex.Code, ex.Message);
        }
        catch (ValidationException ex)
        {
            return output.Error(UsageError, ex.Code, string.Join(" ", ex.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }
        catch (DomainValidationException ex)
        {
            return output.Error(UsageError, ex.Code, $"{ex.Field}: {ex.Message}");
        }
        catch (Exception ex) when (ex is Chat9Exception or DomainException)
        {
            var code = ex is Chat9Exception c ? c.Code : ((DomainException)ex).Code;
            return output.Error(Failed, code, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return output.Error(Failed, "internal_error", ex.Message);
        }
    }

    private static IConfiguration BuildConfiguration(IReadOnlyDictionary<string, string?>? overrides)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    private static ServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        // Commands talk to people and scripts on stdout; logs stay on stderr and only when something is wrong.
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddApplication();
        services.AddInfrastructure(configuration, Directory.GetCurrentDirectory());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Writes results and errors either as one JSON object or as readable text.</summary>
    private sealed class CommandOutput(TextWriter stdout, TextWriter stderr)
    {
        public bool Json { get; set; }

        public void Result<T>(T result)
        {
            if (Json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(result, Chat9Json.Options));
                return;
            }

            HumanReadable.Write(stdout, JsonSerializer.SerializeToElement(result, Chat9Json.Options), indent: 0);
        }

        public int Error(int exitCode, string code, string message)
        {
            if (Json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(new { error = new { code, message } }, Chat9Json.Options));
            }
            else
            {
                stderr.WriteLine($"error ({code}): {message}");
            }

            return exitCode;
        }
    }
}
