namespace Chat9.Application.Common.Options;

/// <summary>Configuration section <c>Jobs</c>: background knowledge upkeep (gap recalculation, profile extraction, FAQ suggestions).</summary>
public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Jobs run in parallel by this server; 0 leaves them to other instances.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>How often an idle worker looks for due jobs it was not told about.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long a claim lasts without a heartbeat; a crashed worker's job is taken over after this.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>A job running longer than this is failed.</summary>
    public int TimeLimitMinutes { get; set; } = 15;

    /// <summary>Profile extraction and document FAQ suggestions start this long after the documents change (management-api.md: "about a minute").</summary>
    public double KnowledgeRefreshDelaySeconds { get; set; } = 60;

    /// <summary>FAQ suggestions also run this often (management-api.md: "daily").</summary>
    public double FaqGenerationHours { get; set; } = 24;

    /// <summary>How often the worker checks which bots are due for a recurring job.</summary>
    public double ScheduleCheckSeconds { get; set; } = 300;
}
