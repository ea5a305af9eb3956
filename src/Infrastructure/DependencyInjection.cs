using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Common.Persistence;
using Chat9.Infrastructure.Demo;
using Chat9.Infrastructure.BackgroundWork;
using Chat9.Infrastructure.Crawling;
using Chat9.Infrastructure.Documents.Ingestion;
using Chat9.Infrastructure.Documents.Parsing;
using Chat9.Infrastructure.Idempotency;
using Chat9.Infrastructure.Models;
using Chat9.Infrastructure.Notifications;
using Chat9.Infrastructure.Persistence;
using Chat9.Infrastructure.RateLimiting;
using Chat9.Infrastructure.Persistence.Queries;
using Chat9.Infrastructure.Retrieval;
using Chat9.Infrastructure.Search;
using Chat9.Infrastructure.Sources;
using Chat9.Infrastructure.Persistence.Interceptors;
using Chat9.Infrastructure.Persistence.Repositories;
using Chat9.Infrastructure.Samples;
using Chat9.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The background document ingestion (only the server runs it; the admin CLI does not).</summary>
    public static IServiceCollection AddIngestionWorker(this IServiceCollection services) =>
        services.AddHostedService<DocumentIngestionWorker>().AddHostedService<UrlSourceCrawlWorker>();

    /// <summary>Sends the stored webhook deliveries (management-api.md "Webhook").</summary>
    public static IServiceCollection AddNotificationWorker(this IServiceCollection services) =>
        services.AddHostedService<NotificationDeliveryWorker>();

    /// <summary>Runs the knowledge upkeep jobs: gap recalculation, profile extraction, FAQ suggestions.</summary>
    public static IServiceCollection AddBotJobWorker(this IServiceCollection services) =>
        services.AddHostedService<BotJobWorker>();

    private static void AddRateLimitCounters(this IServiceCollection services, RateLimitOptions options)
    {
        switch (options.Store.Trim().ToLowerInvariant())
        {
            case "" or "memory":
                services.AddSingleton<IRateLimitCounters, InProcessRateLimitCounters>();
                break;
            case "redis":
                if (string.IsNullOrWhiteSpace(options.RedisConnectionString))
                {
                    throw new InvalidOperationException("RateLimits:Store is 'redis' but RateLimits:RedisConnectionString is empty.");
                }

                var redis = StackExchange.Redis.ConfigurationOptions.Parse(options.RedisConnectionString);
                // Start even while Redis is down: the limiter lets requests through and logs until it is back.
                redis.AbortOnConnectFail = false;
                services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(redis));
                services.AddSingleton<IRateLimitCounters, RedisRateLimitCounters>();
                break;
            default:
                throw new InvalidOperationException($"RateLimits:Store must be 'memory' or 'redis', not '{options.Store}'.");
        }
    }

    /// <summary>Adds persistence, secret protection and the other adapters. <paramref name="contentRoot"/> anchors relative paths.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.SectionName));
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddRateLimitCounters(configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions());
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.SectionName));
        services.AddSingleton(TimeProvider.System);

        var dataPath = ResolveDataPath(configuration, contentRoot);
        services.AddSingleton(new ChatDataFolder(dataPath));

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddScoped<DispatchDomainEventsInterceptor>();
        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                var sqlServerConnection = database.ConnectionString
                    ?? throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions), ["Database:ConnectionString is required when Database:Provider is SqlServer."]);
                services.AddDbContext<SqlServerChat9DbContext>((sp, options) => options
                    .UseSqlServer(sqlServerConnection, DatabaseSetup.ConfigureSqlServer)
                    .AddInterceptors(sp.GetRequiredService<DispatchDomainEventsInterceptor>()));
                services.AddScoped<Chat9DbContext>(sp => sp.GetRequiredService<SqlServerChat9DbContext>());
                break;
            default:
                var sqliteConnection = database.ConnectionString ?? $"Data Source={Path.Combine(dataPath, "chat9.db")}";
                services.AddDbContext<SqliteChat9DbContext>((sp, options) => options
                    .UseSqlite(sqliteConnection, DatabaseSetup.ConfigureSqlite)
                    .AddInterceptors(sp.GetRequiredService<DispatchDomainEventsInterceptor>(), SqlitePragmas));
                services.AddScoped<Chat9DbContext>(sp => sp.GetRequiredService<SqliteChat9DbContext>());
                break;
        }

        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<Chat9DbContext>());
        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped(typeof(IReadRepository<>), typeof(EfRepository<>));
        services.AddScoped<IDocumentContentStore, DocumentContentStore>();
        services.AddScoped<IDatabaseMigrator, DatabaseMigrator>();

        services.AddDataProtection()
            .SetApplicationName("Chat9")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys")));
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();

        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName));
        services.AddSingleton<IDocumentParser, DocumentParser>();
        services.AddSingleton<IDocumentOutlineReader, DocumentOutlineReader>();
        services.AddSingleton<IFileTypeDetector, FileTypeDetector>();
        services.AddSingleton<TextAnalyzer>();
        services.AddSingleton<ITextTerms>(sp => sp.GetRequiredService<TextAnalyzer>());
        services.AddSingleton<ILanguageDetector, StopWordLanguageDetector>();
        services.AddSingleton<ITokenCounter, O200kTokenCounter>();
        var models = ModelConfiguration(configuration);
        services.AddOptions<ModelOptions>().Bind(models)
            .PostConfigure(options => SwitchOffEmptyModels(models, options))
            .Validate(o => OpenAIClientFactory.Validate(o).Count == 0, "Models: configuration is invalid (see Models:Provider, Models:ApiKey, Models:Endpoint).")
            .ValidateOnStart();
        services.AddSingleton<OpenAIClientFactory>();
        services.AddSingleton<ModelResilience>();
        services.AddSingleton<GuardChatClient>();
        services.AddSingleton<IKnowledgeExtractor>(sp => sp.GetRequiredService<GuardChatClient>().IsConfigured
            ? ActivatorUtilities.CreateInstance<OpenAIKnowledgeExtractor>(sp)
            : new NoKnowledgeExtractor());
        var modelOptions = models.Get<ModelOptions>() ?? new ModelOptions();
        SwitchOffEmptyModels(models, modelOptions);
        if (modelOptions.Provider != ModelProvider.None && !string.IsNullOrWhiteSpace(modelOptions.EmbeddingModel))
        {
            services.AddSingleton<IEmbeddingModel, OpenAIEmbeddingModel>();
        }
        else
        {
            services.AddSingleton<IEmbeddingModel, NoEmbeddingModel>();
        }

        if (modelOptions.Provider != ModelProvider.None && !string.IsNullOrWhiteSpace(modelOptions.AnswerModel))
        {
            services.AddSingleton<IAnswerModel, OpenAIAnswerModel>();
        }
        else
        {
            services.AddSingleton<IAnswerModel, NoAnswerModel>();
        }

        if (modelOptions.Provider != ModelProvider.None && !string.IsNullOrWhiteSpace(modelOptions.GuardModel))
        {
            services.AddSingleton<IGuardModel, OpenAIGuardModel>();
        }
        else
        {
            services.AddSingleton<IGuardModel, NoGuardModel>();
        }

        services.AddSingleton<IGapWriter>(sp => sp.GetRequiredService<GuardChatClient>().IsConfigured
            ? new OpenAIGapWriter(sp.GetRequiredService<GuardChatClient>())
            : new NoGapWriter());
        services.AddSingleton<KnowledgeIndexCache>();
        services.AddScoped<IKnowledgeIndex, KnowledgeIndex>();
        services.AddScoped<IChunkQueries, ChunkQueries>();
        services.AddScoped<IAnsweredQuestionQueries, AnsweredQuestionQueries>();
        services.AddScoped<IChatLogQueries, ChatLogQueries>();
        services.AddScoped<IGapSignalQueries, GapSignalQueries>();
        services.AddScoped<ISessionTurnLocks, SessionTurnLocks>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<IngestionSignal>();
        services.AddSingleton<IIngestionSignal>(sp => sp.GetRequiredService<IngestionSignal>());
        services.AddSingleton<BotJobSignal>();
        services.AddSingleton<IBotJobSignal>(sp => sp.GetRequiredService<BotJobSignal>());
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.SectionName));
        services.AddOptions<GapOptions>().Bind(configuration.GetSection(GapOptions.SectionName));
        services.AddSingleton<CrawlSignal>();
        services.AddSingleton<ICrawlSignal>(sp => sp.GetRequiredService<CrawlSignal>());
        services.AddOptions<CrawlerOptions>().Bind(configuration.GetSection(CrawlerOptions.SectionName));
        services.AddSingleton<OutboundHttpClientFactory>();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName));
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        services.AddScoped<IDeliveryClaims, DeliveryClaims>();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName));
        services.AddSingleton<ISupportMailer, MailKitSupportMailer>();
        services.AddSingleton<IOutboundUrlGuard, OutboundUrlGuard>();
        services.AddSingleton<ISiteCrawler, SiteCrawler>();
        services.AddSingleton<IUrlPatterns, UrlPatterns>();
        services.AddOptions<NetworkOptions>().Bind(configuration.GetSection(NetworkOptions.SectionName));

        services.AddSingleton<ISampleDocuments>(new FolderSampleDocuments(Path.Combine(AppContext.BaseDirectory, "samples")));
        services.AddSingleton<IMarkdownRenderer, MarkdigRenderer>();
        return services;
    }

    /// <summary>
    /// The <c>Models</c> section with <c>Provider</c> accepted in the contract's spelling (<c>openai_compatible</c>)
    /// as well as the enum's (<c>OpenAICompatible</c>).
    /// </summary>
    private static IConfiguration ModelConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(ModelOptions.SectionName);
        return new ConfigurationBuilder()
            .AddConfiguration(section)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Provider"] = section["Provider"]?.Replace("_", string.Empty) ?? nameof(ModelProvider.None) })
            .Build();
    }

    /// <summary>
    /// An empty model name switches that model off (admin.md: "empty = extractive answerer / local rules / lexical
    /// retrieval"); so does <c>none</c>, which survives hosts and tools that drop empty settings. The configuration
    /// binder keeps the default for an empty value, so both are applied here.
    /// </summary>
    private static void SwitchOffEmptyModels(IConfiguration models, ModelOptions options)
    {
        static bool Off(string? value) => value is not null && (value.Trim().Length == 0 || value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase));

        if (Off(models[nameof(ModelOptions.AnswerModel)]))
        {
            options.AnswerModel = null;
        }

        if (Off(models[nameof(ModelOptions.GuardModel)]))
        {
            options.GuardModel = null;
        }

        if (Off(models[nameof(ModelOptions.EmbeddingModel)]))
        {
            options.EmbeddingModel = null;
        }
    }

    private static readonly SqliteConnectionPragmas SqlitePragmas = new();

    private static string ResolveDataPath(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{DataOptions.SectionName}:Path"] ?? new DataOptions().Path;
        var path = Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>The resolved absolute data folder (SQLite file, key ring).</summary>
public sealed record ChatDataFolder(string Path);
