namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// Reads a short message as a sequence of known phrases ("hi there, thanks!" → hello, filler, thanks) and fails as soon
/// as one word is not in the vocabulary. That is how smalltalk and affirmative replies are recognised: only when the
/// whole message is made of them, so "hi, how do I export to PDF?" stays a question.
/// </summary>
internal sealed class PhraseCover<TKind>
    where TKind : struct, Enum
{
    private readonly (string Phrase, TKind Kind)[] _phrases;

    /// <param name="vocabulary">Kinds and their phrases, written naturally; they are reduced to words like the message.</param>
    public PhraseCover(IEnumerable<(TKind Kind, IEnumerable<string> Phrases)> vocabulary)
    {
        _phrases =
        [
            .. vocabulary
                .SelectMany(group => group.Phrases.Select(phrase => (Phrase: GuardText.Of(phrase).Words, group.Kind)))
                .Where(entry => entry.Phrase.Length > 0)
                .DistinctBy(entry => entry.Phrase)
                .OrderByDescending(entry => entry.Phrase.Length)
                .ThenBy(entry => entry.Phrase, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// The kinds of the phrases that make up <paramref name="words"/> (a <see cref="GuardText.Words"/> string), in
    /// order, or <see langword="null"/> when some part is not a known phrase. The longest phrase wins at each position,
    /// so "thank you" is read as thanks rather than "thank" and "you".
    /// </summary>
    public IReadOnlyList<TKind>? Read(string words)
    {
        var kinds = new List<TKind>();
        var position = 0;
        while (position < words.Length)
        {
            if (words[position] == ' ')
            {
                position++;
                continue;
            }

            var match = Longest(words, position);
            if (match is null)
            {
                return null;
            }

            kinds.Add(match.Value.Kind);
            position += match.Value.Phrase.Length;
        }

        return kinds;
    }

    private (string Phrase, TKind Kind)? Longest(string words, int position)
    {
        foreach (var entry in _phrases)
        {
            if (string.CompareOrdinal(words, position, entry.Phrase, 0, entry.Phrase.Length) == 0
                && EndsOnBoundary(words, position + entry.Phrase.Length, entry.Phrase))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>
    /// A phrase must end where a word ends. Chinese, Japanese and Korean run phrases together ("好的谢谢"), so a phrase
    /// in those scripts may also be followed directly by the next one.
    /// </summary>
    private static bool EndsOnBoundary(string words, int end, string phrase) =>
        end == words.Length || words[end] == ' ' || (IsUnspacedScript(phrase[^1]) && IsUnspacedScript(words[end]));

    private static bool IsUnspacedScript(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');
}
