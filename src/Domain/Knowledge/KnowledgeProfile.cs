using Chat9.Domain.Common;

namespace Chat9.Domain.Knowledge;

public enum ProfileExtractionStatus
{
    Pending,
    Done,
    Failed,
}

public sealed record GlossaryEntry(string Term, string Definition);

/// <summary>What a bot knows about its product: extracted from documents, editable by the operator.</summary>
public sealed class KnowledgeProfile : Entity, IAggregateRoot
{
    public const string ProductNameField = "product_name";
    public const string SummaryField = "summary";
    public const string TopicsField = "topics";
    public const string GlossaryField = "glossary";

    private List<string> _topics = [];
    private List<GlossaryEntry> _glossary = [];
    private List<string> _editedFields = [];

    // For EF Core.
    private KnowledgeProfile() { }

    private KnowledgeProfile(Guid id, Guid botId, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        ExtractionStatus = ProfileExtractionStatus.Pending;
        UpdatedAt = now;
    }

    public Guid BotId { get; private set; }

    public string? ProductName { get; private set; }

    public string? Summary { get; private set; }

    public IReadOnlyList<string> Topics => _topics.AsReadOnly();

    public IReadOnlyList<GlossaryEntry> Glossary => _glossary.AsReadOnly();

    public ProfileExtractionStatus ExtractionStatus { get; private set; }

    public DateTimeOffset? ExtractedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Raised by every change: the concurrency token that keeps an extraction from overwriting an edit saved after it
    /// read the profile, and two edits of different fields from losing each other's edited mark.
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>Fields the operator edited; extraction never overwrites them.</summary>
    public IReadOnlyList<string> EditedFields => _editedFields.AsReadOnly();

    public static KnowledgeProfile CreateFor(Guid botId, DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        return new KnowledgeProfile(Guid.CreateVersion7(now), botId, now);
    }

    public void ApplyExtraction(string? productName, string? summary, IEnumerable<string> topics, IEnumerable<GlossaryEntry> glossary, DateTimeOffset now)
    {
        if (!IsEdited(ProductNameField))
        {
            ProductName = productName;
        }

        if (!IsEdited(SummaryField))
        {
            Summary = summary;
        }

        if (!IsEdited(TopicsField))
        {
            _topics = [.. topics.Distinct(StringComparer.OrdinalIgnoreCase)];
        }

        if (!IsEdited(GlossaryField))
        {
            _glossary = [.. glossary];
        }

        ExtractionStatus = ProfileExtractionStatus.Done;
        ExtractedAt = now;
        Touch(now);
    }

    public void MarkExtractionFailed(DateTimeOffset now)
    {
        ExtractionStatus = ProfileExtractionStatus.Failed;
        Touch(now);
    }

    public void EditProductName(string? productName, DateTimeOffset now)
    {
        ProductName = productName;
        MarkEdited(ProductNameField, now);
    }

    public void EditSummary(string? summary, DateTimeOffset now)
    {
        Summary = summary;
        MarkEdited(SummaryField, now);
    }

    public void EditTopics(IEnumerable<string> topics, DateTimeOffset now)
    {
        _topics = [.. topics.Select(t => Guard.NotBlank(t, "topics")).Distinct(StringComparer.OrdinalIgnoreCase)];
        MarkEdited(TopicsField, now);
    }

    public void EditGlossary(IEnumerable<GlossaryEntry> glossary, DateTimeOffset now)
    {
        _glossary = [.. glossary.Select(g => new GlossaryEntry(Guard.NotBlank(g.Term, "glossary.term"), Guard.NotBlank(g.Definition, "glossary.definition")))];
        MarkEdited(GlossaryField, now);
    }

    private bool IsEdited(string field) => _editedFields.Contains(field);

    private void MarkEdited(string field, DateTimeOffset now)
    {
        if (!IsEdited(field))
        {
            _editedFields.Add(field);
        }

        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }
}
