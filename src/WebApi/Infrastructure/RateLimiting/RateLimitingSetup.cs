using System.Threading.RateLimiting;
using Chat9.Application.Common.Options;
using Chat9.Infrastructure.RateLimiting;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Network;
using Chat9.WebApi.Infrastructure.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Infrastructure.RateLimiting;

/// <summary>
/// The rate limits of limits.md, all sliding windows. Management API: uploads 60/hour per bot, chat 30/min per key,
/// everything else 300/min per key. Widget: per client IP (<see cref="ClientAddress"/>), and per IP and bot where the
/// contract says so; widget chat also 120/min per bot across all IPs. Over a limit: <c>429 rate_limited</c> with
/// <c>Retry-After</c> and <c>retry_after_seconds</c>. Counters live in this process (docs/widget.md, "Several instances").
/// </summary>
public static class RateLimitingSetup
{
    public const string Management = "management";
    public const string Chat = "chat";
    public const string Uploads = "uploads";
    public const string WidgetSessionInit = "widget-session-init";
    public const string WidgetChat = "widget-chat";
    public const string WidgetHistory = "widget-history";
    public const string WidgetEscalate = "widget-escalate";
    public const string WidgetConfig = "widget-config";

    /// <summary>Bounds the partition key taken from the query string; longer ids are unknown bots anyway.</summary>
    private const int MaxBotKeyChars = 64;

    public static IServiceCollection AddChat9RateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Management, context => PerKey(context, Management, limits => (limits.ManagementPerKeyPerMinute, TimeSpan.FromMinutes(1))));
            options.AddPolicy(Chat, context => PerKey(context, Chat, limits => (limits.ChatPerKeyPerMinute, TimeSpan.FromMinutes(1))));
            options.AddPolicy(Uploads, context => PerBot(context, Uploads, limits => (limits.UploadsPerBotPerHour, TimeSpan.FromHours(1))));
            options.AddPolicy(WidgetSessionInit, context => PerClient(context, WidgetSessionInit, limits => limits.WidgetSessionInitPerIpPerMinute));
            options.AddPolicy(WidgetChat, WidgetChatPartition);
            options.AddPolicy(WidgetHistory, context => PerClient(context, WidgetHistory, limits => limits.WidgetHistoryPerIpPerMinute));
            options.AddPolicy(WidgetEscalate, context => PerClient(context, WidgetEscalate, limits => limits.WidgetEscalatePerIpPerMinute));
            options.AddPolicy(WidgetConfig, context => PerClientAndBot(context, WidgetConfig, limits => limits.WidgetConfigPerIpPerMinute));
            options.OnRejected = (context, _) => new ValueTask(RejectAsync(context));
        });
        services.AddSingleton<WidgetChatBotLimiter>();
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, string policy, Func<RateLimitOptions, int> perMinute) =>
        Partition(context, $"{policy}:{ClientAddress.PartitionKey(context)}", limits => (perMinute(limits), TimeSpan.FromMinutes(1)));

    private static RateLimitPartition<string> PerClientAndBot(HttpContext context, string policy, Func<RateLimitOptions, int> perMinute) =>
        Partition(context, $"{policy}:{ClientAddress.PartitionKey(context)}|{BotKey(context)}", limits => (perMinute(limits), TimeSpan.FromMinutes(1)));

    /// <summary>30/min per IP and bot, then 120/min per bot (<see cref="ChainedRateLimiter"/>).</summary>
    private static RateLimitPartition<string> WidgetChatPartition(HttpContext context)
    {
        var bot = BotKey(context);
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var counters = context.RequestServices.GetRequiredService<IRateLimitCounters>();
        var perBot = context.RequestServices.GetRequiredService<WidgetChatBotLimiter>();
        var key = $"{WidgetChat}:{ClientAddress.PartitionKey(context)}|{bot}";
        return RateLimitPartition.Get(key, _ => new ChainedRateLimiter(
            counters.SlidingWindow(key, limits.WidgetChatPerIpPerMinute, TimeSpan.FromMinutes(1)), perBot.Limiter, bot));
    }

    private static string BotKey(HttpContext context)
    {
        var bot = context.Request.Query["bot_id"].ToString();
        return bot.Length > MaxBotKeyChars ? bot[..MaxBotKeyChars] : bot;
    }

    private static RateLimitPartition<string> PerKey(HttpContext context, string policy, Func<RateLimitOptions, (int Limit, TimeSpan Window)> rule) =>
        Partition(context, $"{policy}:{context.User.FindFirst(Chat9Claims.ApiKeyId)?.Value}", rule);

    private static RateLimitPartition<string> PerBot(HttpContext context, string policy, Func<RateLimitOptions, (int Limit, TimeSpan Window)> rule) =>
        Partition(context, $"{policy}:{context.User.FindFirst(Chat9Claims.BotId)?.Value}", rule);

    private static RateLimitPartition<string> Partition(HttpContext context, string key, Func<RateLimitOptions, (int Limit, TimeSpan Window)> rule)
    {
        var (limit, window) = rule(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        var counters = context.RequestServices.GetRequiredService<IRateLimitCounters>();
        return RateLimitPartition.Get(key, _ => counters.SlidingWindow(key, limit, window));
    }

    private static Task RejectAsync(OnRejectedContext context)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var value) ? value : TimeSpan.FromSeconds(1);
        var seconds = Problem.SetRetryAfter(context.HttpContext, retryAfter);
        return Problem.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited",
            $"Too many requests; try again in {seconds} s.", [new("retry_after_seconds", seconds)]);
    }
}

/// <summary>The per-bot budget of widget chat across all IPs (120/min), shared by every client's chain.</summary>
public sealed class WidgetChatBotLimiter(IOptions<RateLimitOptions> options, IRateLimitCounters counters) : IDisposable
{
    public PartitionedRateLimiter<string> Limiter { get; } = PartitionedRateLimiter.Create<string, string>(bot =>
        RateLimitPartition.Get(bot, _ => counters.SlidingWindow($"widget-chat-bot:{bot}", options.Value.WidgetChatPerBotPerMinute, TimeSpan.FromMinutes(1))));

    public void Dispose() => Limiter.Dispose();
}
