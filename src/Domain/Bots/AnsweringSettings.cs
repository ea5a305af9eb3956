using Chat9.Domain.Common;

namespace Chat9.Domain.Bots;

/// <summary>Per-bot overrides of the server's answer thresholds; <c>null</c> means "use the server default".</summary>
public sealed record AnsweringSettings
{
    public static readonly AnsweringSettings Default = new(null, null);

    public AnsweringSettings(double? lowConfidenceThreshold, double? faqMatchThreshold)
    {
        LowConfidenceThreshold = Guard.UnitInterval(lowConfidenceThreshold, "answering.low_confidence_threshold");
        FaqMatchThreshold = Guard.UnitInterval(faqMatchThreshold, "answering.faq_match_threshold");
    }

    public double? LowConfidenceThreshold { get; init; }

    public double? FaqMatchThreshold { get; init; }
}
