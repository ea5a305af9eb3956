namespace Chat9.Application.Common.Options;

/// <summary>Webhook deliveries (configuration section <c>Webhooks</c>, limits.md).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>A delivery succeeds on a 2xx within this time.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Delays before the retries of a failed delivery; one attempt more than delays, then <c>failed</c>.</summary>
    public List<TimeSpan> RetrySchedule { get; set; } = [];

    /// <summary>How often the delivery worker looks for due deliveries (Chat9 addition).</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>The contract's schedule: 1 min, 5 min, 30 min, 2 h, 6 h (6 attempts).</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetrySchedule =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    public IReadOnlyList<TimeSpan> EffectiveRetrySchedule => RetrySchedule.Count > 0 ? RetrySchedule : DefaultRetrySchedule;
}
