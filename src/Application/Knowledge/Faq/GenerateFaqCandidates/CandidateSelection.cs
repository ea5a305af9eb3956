namespace Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

/// <summary>
/// The new candidates of one run: suggestions are taken in the order offered, skipping questions the FAQ already
/// knows, until <c>Limits:FaqCandidatesPerRun</c> are taken. The rest are offered again by the next run.
/// </summary>
public sealed class CandidateSelection(KnownQuestions known, int max)
{
    private readonly List<FaqSuggestion> _selected = [];

    public IReadOnlyList<FaqSuggestion> Selected => _selected;

    public bool IsFull => _selected.Count >= max;

    public int Room => Math.Max(0, max - _selected.Count);

    /// <summary>Takes the suggestion when there is room and its question is new; true when taken.</summary>
    public bool Offer(FaqSuggestion suggestion)
    {
        if (IsFull || !known.TryAdd(suggestion.Question))
        {
            return false;
        }

        _selected.Add(suggestion);
        return true;
    }

    public void OfferAll(IEnumerable<FaqSuggestion> suggestions)
    {
        foreach (var suggestion in suggestions)
        {
            if (IsFull)
            {
                return;
            }

            Offer(suggestion);
        }
    }
}
