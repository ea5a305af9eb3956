namespace Chat9.Application.Common.Options;

/// <summary>Rate limits (configuration section <c>RateLimits</c>, limits.md). Reported in <c>GET /bot</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public int WidgetSessionInitPerIpPerMinute { get; set; } = 10;

    public int WidgetChatPerIpPerMinute { get; set; } = 30;

    public int WidgetChatPerBotPerMinute { get; set; } = 120;

    public int WidgetHistoryPerIpPerMinute { get; set; } = 30;

    public int WidgetEscalatePerIpPerMinute { get; set; } = 20;

    public int WidgetConfigPerIpPerMinute { get; set; } = 30;

    public int ChatPerKeyPerMinute { get; set; } = 30;

    public int UploadsPerBotPerHour { get; set; } = 60;

    public int ManagementPerKeyPerMinute { get; set; } = 300;

    /// <summary><c>memory</c> (counters per process, the default) or <c>redis</c> (shared by every instance).</summary>
    public string Store { get; set; } = "memory";

    /// <summary>StackExchange.Redis configuration string for <c>Store=redis</c>, e.g. <c>redis:6379,password=…</c>.</summary>
    public string? RedisConnectionString { get; set; }
}
