namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>What the pipeline does with the message after the local guard rules.</summary>
public enum GuardVerdict
{
    /// <summary>An ordinary question: go on to retrieval.</summary>
    Pass,

    /// <summary>Refuse with the reply for <see cref="LocalGuardOutcome.Refusal"/> (outcome <c>refused</c>).</summary>
    Refuse,

    /// <summary>Reply with a short friendly text, no retrieval (outcome <c>smalltalk</c>).</summary>
    Smalltalk,

    /// <summary>The visitor asks for a person: escalation in the chat (pipeline.md section 2).</summary>
    HumanRequest,
}

/// <summary>Why a message was refused, which picks the reply.</summary>
public enum RefusalKind
{
    None,
    PromptInjection,
    Abuse,
}

/// <summary>Which kind of smalltalk, which picks the reply. Acknowledgements ("ok", "got it") count as thanks.</summary>
public enum SmalltalkKind
{
    None,
    Hello,
    Thanks,
}

/// <summary>The verdict of the local guard rules and every check behind it, in a fixed order.</summary>
public sealed record LocalGuardOutcome(GuardVerdict Verdict, RefusalKind Refusal, SmalltalkKind Smalltalk, IReadOnlyList<GuardCheck> Checks);
