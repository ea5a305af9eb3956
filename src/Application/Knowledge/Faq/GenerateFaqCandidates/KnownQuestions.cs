using Chat9.Application.Chat.Pipeline.Faq;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Knowledge.Common;

namespace Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

/// <summary>
/// The questions a bot's FAQ already has in any status (candidates, approved and rejected entries), plus those suggested
/// in this run. A question is known when its text is the same (ignoring case, spaces and the final punctuation) or when
/// its terms are as close to a known question's as the FAQ matcher requires to answer with it
/// (<see cref="FaqMatcher.Similarity"/> ≥ the bot's FAQ threshold): such a suggestion would repeat, or revive a rejected, entry.
/// </summary>
public sealed class KnownQuestions(ITextTerms terms, string? language, double threshold)
{
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly List<HashSet<string>> _termSets = [];

    public void Add(string question)
    {
        _texts.Add(Normalize(question));
        if (Terms(question) is { Count: > 0 } set)
        {
            _termSets.Add(set);
        }
    }

    /// <summary>Whether <paramref name="question"/> repeats a known one, or says nothing searchable ("How?").</summary>
    public bool Covers(string question)
    {
        if (_texts.Contains(Normalize(question)))
        {
            return true;
        }

        var set = Terms(question);
        return set.Count == 0 || _termSets.Any(known => FaqMatcher.Similarity(set, known) >= threshold);
    }

    /// <summary>Adds <paramref name="question"/> unless it is covered; true when it was new.</summary>
    public bool TryAdd(string question)
    {
        if (Covers(question))
        {
            return false;
        }

        Add(question);
        return true;
    }

    private HashSet<string> Terms(string question) => [.. terms.Analyze(question, language)];

    internal static string Normalize(string question) => MarkdownText.Collapse(question).TrimEnd('?', '？', '؟', '.', '!', ' ').ToLowerInvariant();
}
