using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.Retrieval;
using Chat9.Domain.Bots;
using Chat9.Domain.Knowledge;
using Chat9.Domain.Sessions;
using Chat9.Domain.Tickets;

namespace Chat9.Application.Chat.Pipeline;

/// <summary>Everything the answer pipeline needs to know about one turn. It reads; it never writes.</summary>
/// <param name="History">The session's messages before this turn, oldest first.</param>
/// <param name="Question">The normalised visitor message; empty for the greeting turn.</param>
/// <param name="LanguageHint">The language from the hints chain of pipeline.md "Language" (token, hints, request, browser), already reduced to a supported code; null for English.</param>
/// <param name="DryRun"><c>POST /chat/debug</c>: nothing is stored, no ticket opens.</param>
public sealed record TurnContext(
    Bot Bot,
    KnowledgeProfile? Profile,
    Session? Session,
    IReadOnlyList<Message> History,
    string Question,
    bool IsGreeting,
    string? LanguageHint,
    bool DryRun)
{
    public string ProductName => string.IsNullOrWhiteSpace(Profile?.ProductName) ? Bot.Name : Profile.ProductName!;

    public string? UserName => Session?.User?.Name ?? Session?.Hints?.Name;

    /// <summary>The contact e-mail known without asking: the identified user's, else the hints'.</summary>
    public string? KnownEmail => Session?.User?.Email ?? Session?.Hints?.Email;

    public Message? LastAssistantMessage => History.LastOrDefault(m => m.Role == MessageRole.Assistant);
}

/// <summary>One step of the pipeline's output: a stage change, a visible piece of the answer, or the end with its result.</summary>
public abstract record PipelineStep;

public sealed record PipelineStage(ChatStage Stage) : PipelineStep;

public sealed record PipelineChunk(string Text) : PipelineStep;

public sealed record PipelineFinished(PipelineResult Result) : PipelineStep;

/// <summary>The stages so far, reported once retrieval is done, so a later model failure still leaves them visible in <c>/chat/debug</c>.</summary>
public sealed record PipelineRetrieved(GuardReport Guard, FaqReport Faq, RetrievalResult Retrieval) : PipelineStep;

/// <summary>A ticket the turn asks for; the turn's runner opens it and writes the confirmation.</summary>
public sealed record EscalationIntent(TicketTrigger Trigger, string? Email);

/// <summary>
/// What the pipeline decided. For an <see cref="Escalation"/> the <see cref="Text"/> is empty: the confirmation needs the
/// ticket number, which only exists once the runner has opened the ticket.
/// </summary>
public sealed record PipelineResult(
    MessageOutcome Outcome,
    string Text,
    double? Confidence,
    IReadOnlyList<SourceReference> Sources,
    IReadOnlyList<Guid> SourceDocumentIds,
    string Language,
    bool LanguageDetected,
    EscalationIntent? Escalation,
    TicketTrigger? AwaitContact,
    GuardReport Guard,
    FaqReport Faq,
    RetrievalResult? Retrieval,
    AnswerReport Answer,
    IReadOnlyList<Chat9.Application.Common.Interfaces.ModelUsage> ModelCalls,
    IReadOnlyDictionary<string, double?> TimingsMs,
    IReadOnlyDictionary<string, int> Redactions)
{
    public int TokensUsed => ModelCalls.Sum(c => c.Total);
}

/// <summary>The guard stage for <c>/chat/debug</c>: verdict <c>pass</c>, <c>refuse</c>, <c>smalltalk</c> or <c>human_request</c>.</summary>
public sealed record GuardReport(string Verdict, string? Model, IReadOnlyList<GuardCheckReport> Checks)
{
    public static readonly GuardReport Skipped = new("pass", null, []);
}

public sealed record GuardCheckReport(string Name, string Result, double Score, string? Detail);

public sealed record FaqReport(bool Matched, Guid? FaqId, double Score, double Threshold)
{
    public static readonly FaqReport Skipped = new(false, null, 0, 0);
}

/// <summary>How the answer text was made: <see cref="Answerer"/> is <c>extractive</c>, the model's name, <c>faq</c> or <c>canned</c>.</summary>
public sealed record AnswerReport(string Answerer, bool? Grounded);
