namespace Chat9.Application.Common.Options;

/// <summary>Configuration section <c>Gaps</c> (limits.md): the Gap Analyzer.</summary>
public sealed class GapOptions
{
    public const string SectionName = "Gaps";

    /// <summary>Signals older than this are not clustered.</summary>
    public int WindowDays { get; set; } = 30;

    /// <summary>A gap needs at least this many questions.</summary>
    public int MinClusterSize { get; set; } = 2;

    public int MaxExamples { get; set; } = 5;

    /// <summary>Recalculation runs this often on its own (and on demand).</summary>
    public double RecalculateHours { get; set; } = 24;

    /// <summary>Cosine similarity joining two questions when an embedding model is configured.</summary>
    public double EmbeddingSimilarity { get; set; } = 0.80;

    /// <summary>TF-IDF cosine similarity joining two questions offline.</summary>
    public double LexicalSimilarity { get; set; } = 0.35;

    /// <summary>Coverage mode: an answer whose confidence is at most this far above the low-confidence threshold is thin.</summary>
    public double CoverageMargin { get; set; } = 0.15;

    /// <summary>Questions read per recalculation at most (the most recent are kept).</summary>
    public int MaxQuestions { get; set; } = 5000;
}
