using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Chat9.Infrastructure.Search;

/// <summary>
/// The chunks of one analysis language with their own BM25 statistics (chunk count, average length, document
/// frequencies). Immutable once built: concurrent searches share it without locks.
/// </summary>
/// <remarks>
/// Postings are stored term by term in one flat array (compressed sparse rows), so scoring a term walks contiguous
/// memory and the whole index is a handful of objects however many chunks it holds.
/// </remarks>
internal sealed class Bm25LanguageIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Guid[] _chunkIds;
    private readonly Guid[] _documentIds;

    /// <summary>Per chunk, the length-dependent part of BM25's denominator: k1 · (1 − b + b · length / average length).</summary>
    private readonly double[] _lengthNorms;

    private readonly Dictionary<string, int> _termIds;

    /// <summary>Term t's postings are <c>_postings[_postingStarts[t].._postingStarts[t + 1]]</c>, in chunk order.</summary>
    private readonly int[] _postingStarts;

    private readonly Posting[] _postings;
    private readonly double[] _idf;

    /// <summary>The idf of a term no chunk contains: it still counts in the denominator of query coverage.</summary>
    private readonly double _absentTermIdf;

    private Bm25LanguageIndex(
        LanguageRules rules, Guid[] chunkIds, Guid[] documentIds, int[] lengths, Dictionary<string, int> termIds, int[] postingStarts, Posting[] postings)
    {
        Rules = rules;
        _chunkIds = chunkIds;
        _documentIds = documentIds;
        _termIds = termIds;
        _postingStarts = postingStarts;
        _postings = postings;

        var averageLength = lengths.Average();
        _lengthNorms = lengths.Select(length => K1 * (1 - B + (averageLength > 0 ? B * length / averageLength : 0))).ToArray();
        _idf = new double[termIds.Count];
        for (var term = 0; term < _idf.Length; term++)
        {
            _idf[term] = Idf(postingStarts[term + 1] - postingStarts[term]);
        }

        _absentTermIdf = Idf(0);
    }

    public LanguageRules Rules { get; }

    public int ChunkCount => _chunkIds.Length;

    /// <summary>
    /// Array payloads (16 B per id; 8 B per posting, length norm and idf; 4 B per posting start), about 28 B per dictionary entry
    /// (entry plus bucket) and each term string (22 B plus 2 B per character, 8-byte aligned). Object headers and the
    /// few fixed fields are left out.
    /// </summary>
    public long EstimatedBytes =>
        ChunkCount * (16L + 16L + sizeof(double))
        + (long)_postings.Length * Unsafe.SizeOf<Posting>()
        + _idf.Length * (long)(sizeof(double) + sizeof(int))
        + _termIds.Count * 28L
        + _termIds.Keys.Sum(term => (22L + (2L * term.Length) + 7) & ~7L);

    /// <summary>Scores every chunk containing at least one of the terms and offers it to <paramref name="results"/>.</summary>
    /// <param name="queryTerms">Distinct terms, analyzed with <see cref="Rules"/>.</param>
    public void Search(IReadOnlyList<string> queryTerms, TopMatches results)
    {
        if (queryTerms.Count == 0)
        {
            return;
        }

        var chunkCount = _chunkIds.Length;
        var scores = ArrayPool<double>.Shared.Rent(chunkCount);
        var coveredIdf = ArrayPool<double>.Shared.Rent(chunkCount);
        var matchedChunks = ArrayPool<int>.Shared.Rent(chunkCount);
        try
        {
            Array.Clear(scores, 0, chunkCount);
            Array.Clear(coveredIdf, 0, chunkCount);
            var matchedCount = 0;
            var queryIdf = 0.0;
            foreach (var term in queryTerms)
            {
                if (!_termIds.TryGetValue(term, out var termId))
                {
                    queryIdf += _absentTermIdf;
                    continue;
                }

                var idf = _idf[termId];
                queryIdf += idf;
                foreach (var posting in _postings.AsSpan(_postingStarts[termId], _postingStarts[termId + 1] - _postingStarts[termId]))
                {
                    var chunk = posting.Chunk;
                    // Every idf is positive, so a chunk with no covered idf yet is met for the first time.
                    if (coveredIdf[chunk] == 0)
                    {
                        matchedChunks[matchedCount++] = chunk;
                    }

                    scores[chunk] += idf * posting.Frequency * (K1 + 1) / (posting.Frequency + _lengthNorms[chunk]);
                    coveredIdf[chunk] += idf;
                }
            }

            foreach (var chunk in matchedChunks.AsSpan(0, matchedCount))
            {
                results.Offer(new ScoredChunk(_chunkIds[chunk], _documentIds[chunk], scores[chunk], coveredIdf[chunk] / queryIdf));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(matchedChunks);
            ArrayPool<double>.Shared.Return(coveredIdf);
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>BM25's idf, ln(1 + (N − df + 0.5) / (df + 0.5)): always positive, unlike the classic Robertson–Spärck Jones form.</summary>
    private double Idf(int documentFrequency) =>
        Math.Log(1 + ((_chunkIds.Length - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private readonly record struct Posting(int Chunk, int Frequency);

    /// <summary>Collects one language's chunks, then freezes them into a <see cref="Bm25LanguageIndex"/>.</summary>
    public sealed class Builder(LanguageRules rules)
    {
        private readonly List<Guid> _chunkIds = [];
        private readonly List<Guid> _documentIds = [];
        private readonly List<int> _lengths = [];
        private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
        private readonly List<int> _documentFrequencies = [];

        // Postings as they arrive, chunk by chunk, with their term; Build regroups them by term.
        private readonly List<int> _arrivalTerms = [];
        private readonly List<Posting> _arrivalPostings = [];

        private readonly Dictionary<int, int> _chunkTermFrequencies = [];

        /// <param name="terms">The chunk's text analyzed with this builder's rules.</param>
        public void Add(IndexedChunk chunk, IReadOnlyList<string> terms)
        {
            var ordinal = _chunkIds.Count;
            _chunkIds.Add(chunk.ChunkId);
            _documentIds.Add(chunk.DocumentId);
            _lengths.Add(terms.Count);

            _chunkTermFrequencies.Clear();
            foreach (var term in terms)
            {
                ref var termIdSlot = ref CollectionsMarshal.GetValueRefOrAddDefault(_termIds, term, out var known);
                if (!known)
                {
                    termIdSlot = _documentFrequencies.Count;
                    _documentFrequencies.Add(0);
                }

                CollectionsMarshal.GetValueRefOrAddDefault(_chunkTermFrequencies, termIdSlot, out _)++;
            }

            foreach (var (termId, frequency) in _chunkTermFrequencies)
            {
                _documentFrequencies[termId]++;
                _arrivalTerms.Add(termId);
                _arrivalPostings.Add(new Posting(ordinal, frequency));
            }
        }

        public Bm25LanguageIndex Build()
        {
            // A counting sort by term: stable, so every term's postings stay in chunk order.
            var termCount = _documentFrequencies.Count;
            var postingStarts = new int[termCount + 1];
            for (var term = 0; term < termCount; term++)
            {
                postingStarts[term + 1] = postingStarts[term] + _documentFrequencies[term];
            }

            var postings = new Posting[_arrivalPostings.Count];
            var nextSlot = postingStarts[..termCount];
            for (var i = 0; i < postings.Length; i++)
            {
                postings[nextSlot[_arrivalTerms[i]]++] = _arrivalPostings[i];
            }

            _termIds.TrimExcess();
            return new Bm25LanguageIndex(rules, [.. _chunkIds], [.. _documentIds], [.. _lengths], _termIds, postingStarts, postings);
        }
    }
}
