using Chat9.Application.Common.Json;
using Chat9.Application.Common.Options;
using Chat9.Application;
using Chat9.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Chat9.WebApi.Infrastructure.Network;
using Chat9.WebApi.Infrastructure.OpenApi;
using Chat9.WebApi.Infrastructure.Problems;
using Chat9.WebApi.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authentication;

namespace Chat9.WebApi.Infrastructure.Hosting;

/// <summary>Composition root of the HTTP server.</summary>
public static class ServerHost
{
    /// <summary>Room for multipart framing on top of the largest upload; JSON bodies have their own, smaller limit.</summary>
    private const long MultipartOverheadBytes = 1024 * 1024;

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(ServerDefaults.Url);
        }

        builder.Services.AddChat9Services(builder.Configuration, builder.Environment.ContentRootPath);

        var maxFileBytes = builder.Configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>()?.MaxFileBytes ?? new LimitsOptions().MaxFileBytes;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxFileBytes + MultipartOverheadBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });

        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHostedService<FirstRunService>();
        builder.Services.AddIngestionWorker();
        builder.Services.AddNotificationWorker();
        builder.Services.AddBotJobWorker();
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName));

        var app = builder.Build();
        app.UseClientAddress();
        app.UseWidgetCors();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseChat9OpenApi();
        app.MapEndpoints();
        return app;
    }

    /// <summary>Everything the server needs besides the web host itself (also used by the admin CLI for the shared part).</summary>
    public static IServiceCollection AddChat9Services(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddApplication();
        services.AddInfrastructure(configuration, contentRoot);
        services.ConfigureHttpJsonOptions(options => Chat9Json.Configure(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(EndpointGroupExtensions.ManagementPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        services.AddClientAddress(configuration);
        services.AddSingleton<StaticAssets.WidgetAssets>();
        services.AddChat9RateLimiting();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddEndpointsApiExplorer();
        services.AddChat9OpenApi();
        return services;
    }
}
