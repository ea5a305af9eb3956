namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>What one guard check concluded (pipeline.md section 1: each check is <c>pass</c>, <c>flag</c> or <c>refuse</c>).</summary>
public enum GuardResult
{
    /// <summary>Nothing found.</summary>
    Pass,

    /// <summary>
    /// Found, but not a reason to refuse: a weak injection or abuse signal (shown in debug, left to the guard model when
    /// one is configured), or, for <c>smalltalk</c> and <c>human_request</c>, that the message is one.
    /// </summary>
    Flag,

    /// <summary>The message is refused.</summary>
    Refuse,
}

/// <summary>
/// One check's verdict for debug output and the stored assistant message. <paramref name="Score"/> is 0 (nothing found)
/// to 1 (certain); <paramref name="Detail"/> names the rule that matched (for example <c>"injection.en.ignore_previous"</c>),
/// never the visitor's text, so it is safe to log.
/// </summary>
public sealed record GuardCheck(string Name, GuardResult Result, double Score, string? Detail);
