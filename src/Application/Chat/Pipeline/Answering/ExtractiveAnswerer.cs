using System.Text;
using System.Text.RegularExpressions;
using Chat9.Application.Chat.Retrieval;
using Chat9.Application.Common.Interfaces;

namespace Chat9.Application.Chat.Pipeline.Answering;

/// <summary>
/// The offline answerer of pipeline.md: quotes the best 1–3 sentences (at most 600 characters) of the top 3 context
/// chunks verbatim, in document order, under the heading they sit in, after a localized lead-in.
/// <para>
/// A sentence scores the IDF-weighted query terms it contains (document frequencies over all retrieved candidates, so a
/// term every candidate shares counts little), plus half the score of the other sentences of its line (a list step
/// often says what to click in one sentence and the limit in the next). Terms of the visitor's own message weigh twice
/// those carried over from the previous question of a short follow-up. For questions that ask for a quantity ("how
/// long", "how many", "wie viele"…) sentences with a number count double: the number is the answer.
/// </para>
/// Deterministic: the same candidates and question give the same reply.
/// </summary>
public sealed partial class ExtractiveAnswerer(ITextTerms terms)
{
    public const int MaxQuotedChars = 600;
    private const int ContextChunksUsed = 3;
    private const int MaxSentences = 3;
    private const double CompanionScoreShare = 0.5;
    private const double LineContextShare = 0.5;
    private const double NumberBoost = 2;
    private const double OwnTermBoost = 2;

    /// <param name="question">The visitor's message of this turn.</param>
    /// <param name="language">The conversation language, for stemming the query and the sentences alike.</param>
    public ExtractiveAnswer Compose(string question, string? language, RetrievalResult retrieval, string leadIn)
    {
        var context = retrieval.Context.Take(ContextChunksUsed).ToList();
        var ownTerms = terms.Analyze(question, language).ToHashSet();
        var weights = TermWeights([.. terms.Analyze(retrieval.Query, language).Union(ownTerms)], retrieval.Chunks, language);
        foreach (var term in ownTerms.Where(weights.ContainsKey))
        {
            weights[term] *= OwnTermBoost;
        }

        var wantsNumber = QuantityQuestion().IsMatch(question);
        var sentences = new List<Candidate>();
        for (var chunkIndex = 0; chunkIndex < context.Count; chunkIndex++)
        {
            var chunk = context[chunkIndex];
            var lines = Lines(chunk.Chunk).ToList();
            var position = 0;
            foreach (var line in lines)
            {
                var scores = line.Sentences.Select(s => Score(s, weights, language)).ToList();
                for (var i = 0; i < line.Sentences.Count; i++)
                {
                    var score = scores[i] + (LineContextShare * (scores.Sum() - scores[i]));
                    if (scores[i] > 0 && wantsNumber && HasNumber().IsMatch(line.Sentences[i]))
                    {
                        score *= NumberBoost;
                    }

                    sentences.Add(new Candidate(chunk, chunkIndex, position++, line.Sentences[i], line.IsListItem && i == 0, scores[i] > 0 ? score : 0));
                }
            }
        }

        sentences.RemoveAll(s => s.Score <= 0);
        if (sentences.Count == 0)
        {
            return ExtractiveAnswer.Nothing;
        }

        var chosen = Choose(sentences);
        var ordered = chosen.OrderBy(s => s.ChunkIndex).ThenBy(s => s.Position).ToList();
        var documents = ordered.Select(s => s.Chunk.Chunk.DocumentId).Distinct().ToList();
        return new ExtractiveAnswer(Render(ordered, leadIn), documents, [.. ordered.Select(s => s.Chunk).DistinctBy(c => c.ChunkId)]);
    }

    private static List<Candidate> Choose(List<Candidate> sentences)
    {
        var best = sentences.Max(s => s.Score);
        var chosen = new List<Candidate>();
        var length = 0;
        foreach (var sentence in sentences.OrderByDescending(s => s.Score).ThenBy(s => s.ChunkIndex).ThenBy(s => s.Position))
        {
            if (chosen.Count == MaxSentences || sentence.Score < best * CompanionScoreShare)
            {
                break;
            }

            if (length + sentence.Text.Length > MaxQuotedChars && chosen.Count > 0)
            {
                continue;
            }

            chosen.Add(sentence);
            length += sentence.Text.Length;
        }

        return chosen;
    }

    /// <summary>The lead-in, then one block per heading: the heading in bold, the sentences verbatim, list steps as list items.</summary>
    private static List<string> Render(List<Candidate> ordered, string leadIn)
    {
        var pieces = new List<string> { leadIn };
        for (var i = 0; i < ordered.Count; i++)
        {
            var sentence = ordered[i];
            var previous = i > 0 ? ordered[i - 1] : null;
            var heading = Heading(sentence.Chunk.Chunk);
            var piece = new StringBuilder();
            if (previous is null || previous.ChunkIndex != sentence.ChunkIndex || Heading(previous.Chunk.Chunk) != heading)
            {
                piece.Append("\n\n");
                if (heading is not null)
                {
                    piece.Append("**").Append(heading).Append("**\n");
                }
            }
            else
            {
                piece.Append(sentence.StartsListItem || previous.StartsListItem && previous.Position + 1 != sentence.Position ? "\n" : " ");
            }

            if (sentence.StartsListItem)
            {
                piece.Append("- ");
            }

            piece.Append(Truncate(sentence.Text, MaxQuotedChars));
            pieces.Add(piece.ToString());
        }

        return pieces;
    }

    private Dictionary<string, double> TermWeights(IReadOnlyList<string> queryTerms, IReadOnlyList<RetrievedChunk> candidates, string? language)
    {
        var documents = candidates.Select(c => terms.Analyze(c.Chunk.Text, language).ToHashSet()).ToList();
        var n = Math.Max(documents.Count, 1);
        return queryTerms.Distinct().ToDictionary(
            term => term,
            term =>
            {
                var df = documents.Count(d => d.Contains(term));
                return Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
            });
    }

    private double Score(string sentence, Dictionary<string, double> weights, string? language)
    {
        var found = terms.Analyze(sentence, language).ToHashSet();
        return weights.Where(w => found.Contains(w.Key)).Sum(w => w.Value);
    }

    private static string? Heading(ChunkDetails chunk) =>
        chunk.HeadingPath.Count == 0 ? null : string.Join(" › ", chunk.HeadingPath.TakeLast(2));

    /// <summary>
    /// The prose lines of a chunk split into sentences, without heading lines and code blocks. A table row becomes one
    /// list item that names its columns ("Price (monthly billing): Free $0, Plus $6 / month"), so quoting it still
    /// shows the facts exactly as written.
    /// </summary>
    internal static IEnumerable<ChunkLine> Lines(ChunkDetails chunk)
    {
        var inCode = false;
        string[]? tableHeader = null;
        foreach (var rawLine in chunk.Text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (line.StartsWith('|'))
            {
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (cells.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':')))
                {
                    continue;
                }

                if (tableHeader is null)
                {
                    tableHeader = cells;
                }
                else if (TableRow(tableHeader, cells) is { } row)
                {
                    yield return new ChunkLine([row], IsListItem: true);
                }

                continue;
            }

            tableHeader = null;
            if (inCode || line.Length == 0 || line.StartsWith('#') || chunk.HeadingPath.Contains(line))
            {
                continue;
            }

            var listMarker = ListMarker().Match(line);
            var text = listMarker.Success ? line[listMarker.Length..] : line;
            var sentences = SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length >= 3).ToList();
            if (sentences.Count > 0)
            {
                yield return new ChunkLine(sentences, listMarker.Success);
            }
        }
    }

    private static string? TableRow(string[] header, string[] cells)
    {
        if (cells.Length == 0 || cells[0].Length == 0)
        {
            return null;
        }

        var values = cells.Skip(1).Select((value, i) => (Name: i + 1 < header.Length ? header[i + 1] : string.Empty, Value: value))
            .Where(v => v.Value.Length > 0)
            .ToList();
        if (values.Count == 0)
        {
            return null;
        }

        return header[0].Length == 0
            ? cells[0] + ": " + string.Join(", ", values.Select(v => (v.Name + " " + v.Value).Trim()))
            : cells[0] + " (" + string.Join("; ", values.Select(v => v.Name.Length > 0 ? v.Name + ": " + v.Value : v.Value)) + ")";
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 2);
        return text[..(cut > 0 ? cut : max - 1)] + "…";
    }

    [GeneratedRegex(@"(?<=[.!?。！？])\s+(?=\S)", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^([-*+•]|\d{1,3}[.)])\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\d", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex HasNumber();

    /// <summary>Questions whose answer is a number, a size, a duration or a date, in the languages Chat9 analyses and a few more.</summary>
    [GeneratedRegex(
        @"\b(how\s+(many|much|long|big|large|often|old|far|soon|fast)|when|what\s+(size|limit|time)|maximum|minimum|max|min|limit|wie\s+(viele?|lange|gro(ß|ss)|oft|alt|schnell)|wann|combien|quand|quelle\s+taille|cu[aá]nt[oa]s?|cu[aá]ndo|quant[oaie]|quando|hoeveel|hoe\s+lang|wanneer|ile|kiedy)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex QuantityQuestion();

    private sealed record Candidate(RetrievedChunk Chunk, int ChunkIndex, int Position, string Text, bool StartsListItem, double Score);
}

/// <summary>One prose line of a chunk: its sentences, and whether it is a list item.</summary>
internal sealed record ChunkLine(IReadOnlyList<string> Sentences, bool IsListItem);

/// <summary>The extractive reply: its pieces (streamed one per frame; the first is the lead-in) and the quoted documents.</summary>
public sealed record ExtractiveAnswer(IReadOnlyList<string> Pieces, IReadOnlyList<Guid> DocumentIds, IReadOnlyList<RetrievedChunk> QuotedChunks)
{
    public static readonly ExtractiveAnswer Nothing = new([], [], []);

    public bool IsEmpty => Pieces.Count == 0;

    public string Text => string.Concat(Pieces);
}
