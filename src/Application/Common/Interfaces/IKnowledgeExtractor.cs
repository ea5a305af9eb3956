using Chat9.Domain.Knowledge;

namespace Chat9.Application.Common.Interfaces;

/// <summary>A piece of one document given to the model: its title and text (headings and the opening, or the whole text, cut to a budget).</summary>
public sealed record DocumentExcerpt(string Title, string Text);

/// <summary>A knowledge profile as the model extracted it, already cut to the profile limits (limits.md "Profile").</summary>
public sealed record ExtractedProfile(string? ProductName, string? Summary, IReadOnlyList<string> Topics, IReadOnlyList<GlossaryEntry> Glossary, ModelUsage Usage);

/// <summary>One question with its answer written by the model from a document.</summary>
public sealed record SuggestedFaq(string Question, string Answer);

public sealed record SuggestedFaqs(IReadOnlyList<SuggestedFaq> Pairs, ModelUsage Usage);

/// <summary>
/// The knowledge-writing tasks of the guard model: the bot's knowledge profile and FAQ pairs from its documents
/// (management-api.md "Knowledge"). Every method returns <c>null</c> when no model is configured, when it is unavailable
/// or when its reply cannot be used; callers then fall back to their offline heuristics. Only document text is sent:
/// the operator published it, so it is not PII-redacted (pipeline.md "PII redaction").
/// </summary>
public interface IKnowledgeExtractor
{
    bool IsConfigured { get; }

    /// <summary>Product name, summary, topics and glossary of the product the excerpts document.</summary>
    Task<ExtractedProfile?> ExtractProfileAsync(string botName, IReadOnlyList<DocumentExcerpt> excerpts, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> (at most 5) questions a customer would ask that the document answers, with the answers.</summary>
    Task<SuggestedFaqs?> SuggestFaqAsync(string documentTitle, string text, int max, CancellationToken cancellationToken);
}
