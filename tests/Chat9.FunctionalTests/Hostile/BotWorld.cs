using Chat9.Application.Bots.CreateBot;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>
/// One bot with one of everything the API can name by id: a ready document, a crawled URL source and its page, an open
/// API session with a rated answer, an escalated session and its ticket, a gap and its recalculation job, an FAQ entry,
/// an edited profile, an anonymous widget session and an identified one. Every text the bot owns carries its
/// <see cref="Marker"/>, so a response that shows another bot's data is easy to spot.
/// </summary>
public sealed record BotWorld(CreatedBotDto Bot, string Marker, string IdentitySecret, string SiteUrl)
{
    public string PublicId => Bot.PublicId;

    public string ApiKey => Bot.ApiKey;

    public Guid DocumentId { get; init; }

    public Guid SourceId { get; init; }

    public Guid SourcePageId { get; init; }

    /// <summary>An open API session with a question and a rated answer.</summary>
    public Guid SessionId { get; init; }

    public Guid AssistantMessageId { get; init; }

    /// <summary>The session that was escalated (closed) into <see cref="TicketNumber"/>.</summary>
    public Guid EscalatedSessionId { get; init; }

    public string TicketNumber { get; init; } = string.Empty;

    /// <summary>All ticket numbers the bot has (the other bot has one more, which this bot lacks).</summary>
    public IReadOnlyList<string> TicketNumbers { get; init; } = [];

    public Guid GapId { get; init; }

    public Guid GapJobId { get; init; }

    public Guid FaqId { get; init; }

    /// <summary>An open anonymous widget session.</summary>
    public Guid WidgetSessionId { get; init; }

    public Guid IdentifiedSessionId { get; init; }

    public string IdentifiedUserId => $"user-{Marker}";

    /// <summary>
    /// The id of this bot's resource of <paramref name="kind"/>, as it appears in a path. Ticket numbers are per bot, so
    /// the ticket named is the bot's last one: the other bot has one more ticket, whose number this bot lacks.
    /// </summary>
    public string Id(IdKind kind) => kind switch
    {
        IdKind.Document => DocumentId.ToString(),
        IdKind.Source => SourceId.ToString(),
        IdKind.SourcePage => SourcePageId.ToString(),
        IdKind.Session => SessionId.ToString(),
        IdKind.EscalationSession => SessionId.ToString(),
        IdKind.Message => AssistantMessageId.ToString(),
        IdKind.Ticket => TicketNumbers[^1],
        IdKind.Gap => GapId.ToString(),
        IdKind.GapJob => GapJobId.ToString(),
        IdKind.Faq => FaqId.ToString(),
        IdKind.DemoSlug => "getting-started",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Everything of this bot's that must never show up in another bot's responses.</summary>
    public IReadOnlyList<string> Secrets =>
    [
        Marker, PublicId, ApiKey, IdentitySecret, DocumentId.ToString(), SourceId.ToString(), SourcePageId.ToString(), SessionId.ToString(),
        AssistantMessageId.ToString(), EscalatedSessionId.ToString(), GapId.ToString(), GapJobId.ToString(), FaqId.ToString(),
        WidgetSessionId.ToString(), IdentifiedSessionId.ToString(), Bot.Id.ToString(),
    ];

    /// <summary>An id of <paramref name="kind"/> that no bot has.</summary>
    public static string UnknownId(IdKind kind) => kind switch
    {
        IdKind.Ticket => "ESC-9999",
        IdKind.DemoSlug => "no-such-page",
        _ => Guid.NewGuid().ToString(),
    };
}
