using System.Security.Claims;
using System.Text.Encodings.Web;
using Chat9.Application.ApiKeys.AuthenticateApiKey;
using Chat9.WebApi.Infrastructure.Problems;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Infrastructure.Authentication;

/// <summary>
/// Authenticates the management API with the bot's API key, from <c>Authorization: Bearer ck_…</c> or <c>X-Api-Key</c>
/// (Authorization wins). Missing, unknown and revoked keys get one identical 401.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ISender sender) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await sender.Send(new AuthenticateApiKeyCommand(presented), Context.RequestAborted);
        if (principal is null)
        {
            return AuthenticateResult.Fail("Invalid API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(Chat9Claims.BotId, principal.BotId.ToString()),
                new Claim(Chat9Claims.BotPublicId, principal.BotPublicId),
                new Claim(Chat9Claims.ApiKeyId, principal.ApiKeyId.ToString()),
                new Claim(Chat9Claims.BotActive, principal.BotActive ? "true" : "false"),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problem.WriteAsync(Context, 401, "unauthorized", "A valid API key is required: send Authorization: Bearer ck_… or X-Api-Key.");
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!string.IsNullOrEmpty(authorization))
        {
            // A malformed Authorization header is a wrong credential, not a reason to look elsewhere.
            return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? authorization["Bearer ".Length..].Trim()
                : string.Empty;
        }

        var headerKey = request.Headers[ApiKeyHeader].ToString();
        return string.IsNullOrEmpty(headerKey) ? null : headerKey.Trim();
    }
}

public static class Chat9Claims
{
    public const string BotId = "chat9:bot_id";
    public const string BotPublicId = "chat9:bot_public_id";
    public const string ApiKeyId = "chat9:api_key_id";
    public const string BotActive = "chat9:bot_active";

    public static Guid GetBotId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(BotId) ?? throw new InvalidOperationException("The request is not authenticated with an API key."));

    public static bool IsBotActive(this ClaimsPrincipal user) => user.FindFirstValue(BotActive) == "true";
}
