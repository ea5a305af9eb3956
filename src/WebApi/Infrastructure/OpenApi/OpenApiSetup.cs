using Chat9.WebApi.Infrastructure.Authentication;
using NSwag;
using NSwag.Generation.Processors.Security;

namespace Chat9.WebApi.Infrastructure.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi.json</c>) and the interactive UI (<c>/docs</c>), generated from the endpoints.</summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "BearerApiKey";
    public const string HeaderScheme = "HeaderApiKey";

    public static IServiceCollection AddChat9OpenApi(this IServiceCollection services) =>
        services.AddOpenApiDocument(settings =>
        {
            settings.DocumentName = "v1";
            settings.Title = "Chat9 API";
            settings.Version = "1";
            settings.Description = "Self-hostable AI customer support. The management API authenticates with the bot's API key "
                + "(Authorization: Bearer ck_… or X-Api-Key: ck_…). Errors are RFC 9457 problem+json with a stable `code`.";
            settings.SchemaSettings.FlattenInheritanceHierarchy = true;
            settings.AddSecurity(BearerScheme, [], new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "ck_…",
                Description = "The bot's API key as a bearer token.",
            });
            settings.AddSecurity(HeaderScheme, [], new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.ApiKey,
                Name = ApiKeyAuthenticationHandler.ApiKeyHeader,
                In = OpenApiSecurityApiKeyLocation.Header,
                Description = "The bot's API key in the X-Api-Key header.",
            });
            settings.OperationProcessors.Add(new ManagementSecurityProcessor());
            settings.OperationProcessors.Add(new ProblemResponsesProcessor());
            settings.OperationProcessors.Add(new ChatStreamProcessor());
        });

    public static WebApplication UseChat9OpenApi(this WebApplication app)
    {
        app.UseOpenApi(settings => settings.Path = "/openapi.json");
        app.UseSwaggerUi(settings =>
        {
            settings.Path = "/docs";
            settings.DocumentPath = "/openapi.json";
        });
        return app;
    }
}
