using Chat9.WebApi.Infrastructure.Problems;

namespace Chat9.WebApi.Infrastructure.Authentication;

/// <summary>A disabled bot gets <c>403 bot_inactive</c> on every management endpoint except those marked <see cref="AllowInactiveBotAttribute"/>.</summary>
public sealed class ActiveBotFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true
            && !http.User.IsBotActive()
            && http.GetEndpoint()?.Metadata.GetMetadata<AllowInactiveBotAttribute>() is null)
        {
            return Results.Problem(Problem.Create(http, 403, "bot_inactive", "The bot is disabled."));
        }

        return await next(context);
    }
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class AllowInactiveBotAttribute : Attribute;
