namespace Chat9.Application.Gaps.Common;

/// <summary>
/// TF-IDF over the normalized, stemmed terms of a set of questions (management-api.md "Gap Analyzer", offline
/// clustering). Term frequency is sublinear (1 + ln tf) and the inverse document frequency smoothed
/// (ln((1 + n) / (1 + df)) + 1), so a term every question shares still counts a little and short questions compare well.
/// </summary>
public sealed class LexicalSpace
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly double[] _idf;

    private LexicalSpace(Dictionary<string, int> vocabulary, double[] idf)
    {
        _vocabulary = vocabulary;
        _idf = idf;
    }

    /// <param name="documents">The terms of each question.</param>
    public static LexicalSpace Fit(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        foreach (var terms in documents)
        {
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                if (!vocabulary.TryGetValue(term, out var index))
                {
                    index = vocabulary.Count;
                    vocabulary[term] = index;
                    documentFrequency.Add(0);
                }

                documentFrequency[index]++;
            }
        }

        var n = documents.Count;
        var idf = documentFrequency.Select(df => Math.Log((1.0 + n) / (1.0 + df)) + 1).ToArray();
        return new LexicalSpace(vocabulary, idf);
    }

    /// <summary>The unit TF-IDF vector of a text's terms; terms the space has not seen are left out.</summary>
    public SparseVector Vectorize(IReadOnlyList<string> terms)
    {
        var weights = new Dictionary<int, double>();
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            if (_vocabulary.TryGetValue(group.Key, out var index))
            {
                weights[index] = (1 + Math.Log(group.Count())) * _idf[index];
            }
        }

        return SparseVector.Normalized(weights);
    }
}
