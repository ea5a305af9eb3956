using System.Text;
using Chat9.Application.Common.Interfaces;

namespace Chat9.Application.Documents.Processing;

/// <summary>A piece of text and its token count, measured on exactly this text.</summary>
internal readonly record struct TextPart(string Text, int Tokens);

/// <summary>
/// Splits text that is too large for one chunk into pieces of at most a token budget. It cuts at the coarsest
/// boundary that works for the block's kind (lines, then sentences, then words, and as a last resort characters)
/// and packs neighbouring units back together. Tables repeat their header row, operations their
/// <c>METHOD /path</c> line and fenced code its fences in every piece, so each piece reads on its own.
/// Every piece is counted after it is assembled, so the budget is a hard limit, not an estimate.
/// </summary>
internal sealed class BlockSplitter(ITokenCounter tokens)
{
    /// <summary>Where the character cut starts guessing: text averages about four characters per token.</summary>
    private const int CharsPerTokenGuess = 4;

    /// <summary>
    /// BPE tokenizers take time quadratic in the length of a run without white space (o200k_base: 64,000 characters
    /// take seconds). Text with a longer run than this (minified code, base64 data) is never counted whole; it is cut
    /// by characters into pieces no longer than this. Such a run is hundreds of tokens anyway.
    /// </summary>
    private const int LongestCountedRun = 4_000;

    private static readonly Cut[] ProseCuts = [Cut.Sentences, Cut.Words, Cut.Characters];
    private static readonly Cut[] LineCuts = [Cut.Lines, Cut.Words, Cut.Characters];
    private static readonly Cut[] ItemCuts = [Cut.Lines, Cut.Sentences, Cut.Words, Cut.Characters];

    private enum Cut
    {
        Lines,
        Sentences,
        Words,
        Characters,
    }

    /// <summary>The token count of <paramref name="text"/>, or <c>null</c> when it has a run too long to count (<see cref="LongestCountedRun"/>).</summary>
    public int? TryCount(string text) => HasLongRun(text) ? null : tokens.CountTokens(text);

    /// <summary>Splits a block's (normalized) text along the boundaries its kind allows.</summary>
    public IReadOnlyList<TextPart> SplitBlock(string text, BlockKind kind, int budget)
    {
        var cuts = kind switch
        {
            BlockKind.List => ItemCuts,
            BlockKind.Code or BlockKind.Table or BlockKind.Operation => LineCuts,
            _ => ProseCuts,
        };
        var (frame, body) = Frame.Of(kind, text) ?? (Frame.None, text);
        return Split(text, cuts, budget, frame, body);
    }

    /// <summary>Splits any text by lines, then sentences, words and characters, starting every piece with <paramref name="header"/>.</summary>
    public IReadOnlyList<TextPart> SplitText(string text, int budget, string header) =>
        Split(text, ItemCuts, budget, new Frame(header, ""), text);

    /// <summary>Splits <paramref name="body"/> (the text inside the frame) into framed pieces; <paramref name="text"/> is the whole block.</summary>
    private List<TextPart> Split(string text, Cut[] cuts, int budget, Frame frame, string body)
    {
        var frameTokens = frame.IsEmpty ? 0 : TryCount(frame.Header + frame.Footer) ?? budget;

        // A frame that takes half the budget would leave pieces with almost no content: repeat nothing then.
        if (frameTokens * 2 > budget)
        {
            (frame, body, frameTokens) = (Frame.None, text, 0);
        }

        var units = new List<TextPart>();
        Atomize(body, cuts, budget - frameTokens, units);
        var pieces = new List<TextPart>();
        Pack(units, budget, frame, frameTokens, pieces);
        return pieces;
    }

    /// <summary>Cuts text into units of at most <paramref name="budget"/> tokens, going finer only where a unit is too large.</summary>
    private void Atomize(string text, ReadOnlySpan<Cut> cuts, int budget, List<TextPart> units)
    {
        if (cuts[0] == Cut.Characters)
        {
            CutCharacters(text, budget, units);
            return;
        }

        foreach (var unit in Segment(text, cuts[0]))
        {
            if (TryCount(unit) is { } count && count <= budget)
            {
                units.Add(new TextPart(unit, count));
            }
            else
            {
                Atomize(unit, cuts[1..], budget, units);
            }
        }
    }

    /// <summary>Greedily groups consecutive units into pieces by their summed counts, then verifies each piece.</summary>
    private void Pack(List<TextPart> units, int budget, Frame frame, int frameTokens, List<TextPart> pieces)
    {
        var start = 0;
        var sum = frameTokens;
        for (var i = 0; i < units.Count; i++)
        {
            if (i > start && sum + units[i].Tokens > budget)
            {
                Emit(units, start, i, budget, frame, pieces);
                (start, sum) = (i, frameTokens);
            }

            sum += units[i].Tokens;
        }

        Emit(units, start, units.Count, budget, frame, pieces);
    }

    /// <summary>
    /// Adds units [from, to) as one piece. Token counts are not exactly additive (a tokenizer may merge across a
    /// boundary), so an over-budget group is halved until it fits.
    /// </summary>
    private void Emit(List<TextPart> units, int from, int to, int budget, Frame frame, List<TextPart> pieces)
    {
        var joined = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            joined.Append(units[i].Text);
        }

        var body = TrimPiece(joined.ToString());
        if (body.Length == 0)
        {
            return;
        }

        var text = frame.Wrap(body);
        if (TryCount(text) is { } count && count <= budget)
        {
            pieces.Add(new TextPart(text, count));
        }
        else if (to - from > 1)
        {
            var middle = (from + to) / 2;
            Emit(units, from, middle, budget, frame, pieces);
            Emit(units, middle, to, budget, frame, pieces);
        }
        else
        {
            // One unit that fits alone but not inside the frame: keep the text, drop the frame.
            if (TryCount(body) is { } unframedCount && unframedCount <= budget)
            {
                pieces.Add(new TextPart(body, unframedCount));
            }
            else
            {
                CutCharacters(body, budget, pieces);
            }
        }
    }

    /// <summary>
    /// The last resort for text without usable boundaries (a long token-less string): pieces of a guessed length,
    /// halved until they fit. Only a single character can exceed the budget, and no sensible budget is that small.
    /// </summary>
    private void CutCharacters(string text, int budget, List<TextPart> pieces)
    {
        var guess = Math.Clamp(budget * CharsPerTokenGuess, 1, LongestCountedRun);
        var start = 0;
        while (start < text.Length)
        {
            var oneCharacter = char.IsHighSurrogate(text[start]) && start + 1 < text.Length ? 2 : 1;
            var length = Math.Min(guess, text.Length - start);
            while (true)
            {
                length = Math.Max(oneCharacter, KeepSurrogatePair(text, start, length));
                var piece = text.Substring(start, length);
                var count = tokens.CountTokens(piece);
                if (count <= budget || length == oneCharacter)
                {
                    if (!string.IsNullOrWhiteSpace(piece))
                    {
                        pieces.Add(new TextPart(piece, count));
                    }

                    break;
                }

                length /= 2;
            }

            start += length;
        }
    }

    private static bool HasLongRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsWhiteSpace(c) ? 0 : run + 1;
            if (run > LongestCountedRun)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves a cut back that would fall between the two halves of a surrogate pair.</summary>
    private static int KeepSurrogatePair(string text, int start, int length) =>
        start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]) ? length - 1 : length;

    /// <summary>Cuts text into consecutive units (each with its trailing separator) that concatenate back to the text.</summary>
    private static IEnumerable<string> Segment(string text, Cut cut)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = cut switch
            {
                Cut.Lines => LineEnd(text, start),
                Cut.Sentences => SentenceEnd(text, start),
                _ => WordEnd(text, start),
            };
            yield return text[start..end];
            start = end;
        }
    }

    private static int LineEnd(string text, int start)
    {
        var newline = text.IndexOf('\n', start);
        return newline < 0 ? text.Length : newline + 1;
    }

    /// <summary>A sentence ends after . ! ? … followed by white space, or after a CJK full stop, ! or ?.</summary>
    private static int SentenceEnd(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            var followedBySpace = i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]);
            if (c is '。' or '！' or '？' || (c is '.' or '!' or '?' or '…' && followedBySpace))
            {
                return SkipWhiteSpace(text, i + 1);
            }
        }

        return text.Length;
    }

    private static int WordEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return SkipWhiteSpace(text, i);
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Trailing white space and leading blank lines go; leading indentation stays (it matters in code).</summary>
    private static string TrimPiece(string text) => text.TrimEnd().TrimStart('\n');

    /// <summary>Text repeated around every piece of a split block: a header line and, for fenced code, the closing fence.</summary>
    private readonly record struct Frame(string Header, string Footer)
    {
        public static Frame None => new("", "");

        public bool IsEmpty => Header.Length == 0 && Footer.Length == 0;

        public string Wrap(string body) => string.Concat(Header, body, Footer);

        /// <summary>The frame a block's kind repeats, and the text between it; <c>null</c> when nothing repeats.</summary>
        public static (Frame Frame, string Body)? Of(BlockKind kind, string text)
        {
            var firstBreak = text.IndexOf('\n');
            if (firstBreak < 0)
            {
                return null;
            }

            var headerEnd = firstBreak + 1;
            switch (kind)
            {
                case BlockKind.Operation:
                    return (new Frame(text[..headerEnd], ""), text[headerEnd..]);
                case BlockKind.Table:
                    // A Markdown table's header is its first row plus the |---|---| row below it.
                    var secondEnd = LineEnd(text, headerEnd);
                    if (IsTableRule(text.AsSpan(headerEnd, secondEnd - headerEnd)))
                    {
                        headerEnd = secondEnd;
                    }

                    return headerEnd < text.Length ? (new Frame(text[..headerEnd], ""), text[headerEnd..]) : null;
                case BlockKind.Code:
                    var fence = text.AsSpan(0, Math.Min(3, text.Length));
                    var lastBreak = text.LastIndexOf('\n');
                    var isFenced = fence is "```" or "~~~" && lastBreak > firstBreak && text.AsSpan(lastBreak + 1).Trim().StartsWith(fence);
                    return isFenced ? (new Frame(text[..headerEnd], text[lastBreak..]), text[headerEnd..lastBreak]) : null;
                default:
                    return null;
            }
        }

        private static bool IsTableRule(ReadOnlySpan<char> line)
        {
            line = line.Trim();
            return line.Contains('-') && !line.ContainsAnyExcept("|-: \t");
        }
    }
}
