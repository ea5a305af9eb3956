using System.Threading.RateLimiting;
using Chat9.Application.Common.Options;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Infrastructure.RateLimiting;

/// <summary>
/// The management API's rate limits (limits.md): uploads 60/hour per bot, chat 30/min per key, everything else
/// 300/min per key. Over a limit: <c>429 rate_limited</c> with <c>Retry-After</c> and <c>retry_after_seconds</c>.
/// Counters live in this process (see docs/deployment notes for several instances).
/// </summary>
public static class RateLimitingSetup
{
    public const string Management = "management";
    public const string Chat = "chat";
    public const string Uploads = "uploads";

    public static IServiceCollection AddChat9RateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Management, context => PerKey(context, Management, limits => (limits.ManagementPerKeyPerMinute, TimeSpan.FromMinutes(1))));
            options.AddPolicy(Chat, context => PerKey(context, Chat, limits => (limits.ChatPerKeyPerMinute, TimeSpan.FromMinutes(1))));
            options.AddPolicy(Uploads, context => PerBot(context, Uploads, limits => (limits.UploadsPerBotPerHour, TimeSpan.FromHours(1))));
            options.OnRejected = (context, _) => new ValueTask(RejectAsync(context));
        });
        return services;
    }

    private static RateLimitPartition<string> PerKey(HttpContext context, string policy, Func<RateLimitOptions, (int Limit, TimeSpan Window)> rule) =>
        Partition(context, $"{policy}:{context.User.FindFirst(Chat9Claims.ApiKeyId)?.Value}", rule);

    private static RateLimitPartition<string> PerBot(HttpContext context, string policy, Func<RateLimitOptions, (int Limit, TimeSpan Window)> rule) =>
        Partition(context, $"{policy}:{context.User.FindFirst(Chat9Claims.BotId)?.Value}", rule);

    private static RateLimitPartition<string> Partition(HttpContext context, string key, Func<RateLimitOptions, (int Limit, TimeSpan Window)> rule)
    {
        var (limit, window) = rule(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get(key, _ => new SlidingLogRateLimiter(limit, window, clock));
    }

    private static Task RejectAsync(OnRejectedContext context)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var value) ? value : TimeSpan.FromSeconds(1);
        var seconds = Problem.SetRetryAfter(context.HttpContext, retryAfter);
        return Problem.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited",
            $"Too many requests; try again in {seconds} s.", [new("retry_after_seconds", seconds)]);
    }
}
