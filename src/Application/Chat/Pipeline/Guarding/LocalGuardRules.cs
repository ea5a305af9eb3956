namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// The always-on local guard of pipeline.md section 1: phrase and pattern lists in the supported languages for
/// <c>prompt_injection</c>, <c>abuse</c>, <c>human_request</c> and <c>smalltalk</c> (the length check happens before
/// the stream). They decide alone when no guard model is configured or it is unavailable, so they work offline,
/// deterministically, and never need the message to leave the server.
/// </summary>
/// <remarks>
/// All checks run on every message so debug output shows each of them; the verdict then follows a fixed priority:
/// a refusal (prompt injection before abuse), then a human request, then smalltalk, else an ordinary question.
/// Stateless and thread-safe.
/// </remarks>
public sealed class LocalGuardRules
{
    private readonly PromptInjectionRule _injection = new();
    private readonly AbuseRule _abuse = new();
    private readonly HumanRequestRule _humanRequest = new();
    private readonly SmalltalkRule _smalltalk = new();
    private readonly AffirmativeReplies _affirmatives = new();

    /// <summary>Checks one normalised visitor message.</summary>
    public LocalGuardOutcome Check(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = GuardText.Of(message);
        var injection = _injection.Check(text);
        var abuse = _abuse.Check(text);
        var humanRequest = _humanRequest.Check(text);
        var (smalltalk, smalltalkKind) = _smalltalk.Check(text);
        GuardCheck[] checks = [injection, abuse, humanRequest, smalltalk];

        if (injection.Result == GuardResult.Refuse)
        {
            return new(GuardVerdict.Refuse, RefusalKind.PromptInjection, SmalltalkKind.None, checks);
        }

        if (abuse.Result == GuardResult.Refuse)
        {
            return new(GuardVerdict.Refuse, RefusalKind.Abuse, SmalltalkKind.None, checks);
        }

        if (humanRequest.Result == GuardResult.Flag)
        {
            return new(GuardVerdict.HumanRequest, RefusalKind.None, SmalltalkKind.None, checks);
        }

        return smalltalkKind == SmalltalkKind.None
            ? new(GuardVerdict.Pass, RefusalKind.None, SmalltalkKind.None, checks)
            : new(GuardVerdict.Smalltalk, RefusalKind.None, smalltalkKind, checks);
    }

    /// <summary>
    /// Whether the message is a short yes ("yes please", "sí", "ja", "да", "はい"): the answer that accepts an offer of
    /// a human after a <c>low_confidence</c> or <c>no_documents</c> reply. At most five words and no question.
    /// </summary>
    public bool IsAffirmative(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _affirmatives.IsAffirmative(GuardText.Of(message));
    }

    /// <summary>
    /// The first valid e-mail address in the message, or <see langword="null"/>: what the visitor typed when the chat
    /// asked where support should reply.
    /// </summary>
    public static string? FindEmail(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return EmailAddressFinder.Find(message);
    }
}
