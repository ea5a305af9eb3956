namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// Short yes-answers ("yes", "yes please", "sí", "ja gerne", "да", "はい、お願いします"). After a reply that offered a
/// human, such an answer counts as a human request (pipeline.md section 2), so it must be unmistakable: at most five
/// words, no question, nothing but affirmative words, thanks and fillers.
/// </summary>
internal sealed class AffirmativeReplies
{
    private const int MaxWords = 5;

    private enum Part
    {
        Yes,
        Filler,
    }

    private static readonly PhraseCover<Part> Vocabulary = new(
    [
        (Part.Yes, ShortReplyVocabulary.Affirmatives),
        (Part.Filler, ShortReplyVocabulary.Thanks),
        (Part.Filler, ShortReplyVocabulary.Fillers),
    ]);

    public bool IsAffirmative(GuardText text)
    {
        if (text.WordCount is 0 or > MaxWords || text.Raw.Contains('?', StringComparison.Ordinal) || text.Raw.Contains('？', StringComparison.Ordinal)
            || text.Raw.Contains('؟', StringComparison.Ordinal))
        {
            return false;
        }

        return Vocabulary.Read(text.Words) is { } parts && parts.Contains(Part.Yes);
    }
}
