namespace Chat9.Domain.Gaps;

public enum GapMode
{
    Questions,
    Coverage,
}

public enum GapStatus
{
    Active,
    Dismissed,
    Resolved,
}

public enum SuggestedActionKind
{
    WriteDoc,
    ExpandDoc,
    ReviewAnswers,
    AddFaq,
}

/// <summary>What the analyzer recommends doing about a gap.</summary>
public sealed record SuggestedAction(SuggestedActionKind Kind, string Text);

/// <summary>How many of each failure signal the gap's questions carry.</summary>
public sealed record GapSignals(int LowConfidence, int NoDocuments, int AnswerRejected, int ThumbsDown)
{
    public static readonly GapSignals None = new(0, 0, 0, 0);
}
