namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// The local <c>smalltalk</c> check: the message is only a greeting, thanks or an acknowledgement ("hi", "thanks!",
/// "ok", "merci beaucoup"). Anything more ("hi, how do I export?") is a question and goes to retrieval.
/// </summary>
internal sealed class SmalltalkRule
{
    public const string Name = "smalltalk";

    /// <summary>Longer messages are never pure smalltalk, and are not worth reading phrase by phrase.</summary>
    private const int MaxWords = 8;

    private enum Part
    {
        Hello,
        Thanks,
        Acknowledgement,
        Filler,
    }

    private static readonly PhraseCover<Part> Vocabulary = new(
    [
        (Part.Hello, ShortReplyVocabulary.Greetings),
        (Part.Thanks, ShortReplyVocabulary.Thanks),
        (Part.Acknowledgement, ShortReplyVocabulary.Acknowledgements),
        (Part.Filler, ShortReplyVocabulary.Fillers),
    ]);

    public (GuardCheck Check, SmalltalkKind Kind) Check(GuardText text)
    {
        var kind = Classify(text);
        var check = kind == SmalltalkKind.None
            ? new GuardCheck(Name, GuardResult.Pass, 0, null)
            : new GuardCheck(Name, GuardResult.Flag, 1, "smalltalk." + kind.ToString().ToLowerInvariant());
        return (check, kind);
    }

    private static SmalltalkKind Classify(GuardText text)
    {
        if (text.WordCount is 0 or > MaxWords || Vocabulary.Read(text.Words) is not { } parts)
        {
            return SmalltalkKind.None;
        }

        // Thanks and acknowledgements close a topic; a greeting alone opens one. "Hi, thanks!" is thanks.
        if (parts.Any(p => p is Part.Thanks or Part.Acknowledgement))
        {
            return SmalltalkKind.Thanks;
        }

        return parts.Contains(Part.Hello) ? SmalltalkKind.Hello : SmalltalkKind.None;
    }
}
