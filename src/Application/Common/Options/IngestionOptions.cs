namespace Chat9.Application.Common.Options;

/// <summary>Configuration section <c>Ingestion</c>: how the document queue is worked.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>How long a claim lasts without a heartbeat; a crashed worker's document is taken over after this.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often an idle worker looks for work it was not told about (other instances, expired leases).</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Claims of one document before it is failed with <c>processing_failed</c> (a document that keeps crashing workers).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Documents processed in parallel by this server; 0 leaves processing to other instances.</summary>
    public int Workers { get; set; } = 1;
}
