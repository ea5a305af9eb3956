using Chat9.Application.Common.Interfaces;

namespace Chat9.Application.UnitTests.Documents.Processing;

/// <summary>
/// One token per white-space-separated word, and one more per started 10 characters of a long word, so text
/// without spaces still has a size. Records how many characters it was asked to count, and the longest run
/// without white space (real BPE tokenizers slow down quadratically on those).
/// </summary>
internal class FakeTokenCounter : ITokenCounter
{
    public long CharactersCounted { get; private set; }

    public int LongestRunCounted { get; private set; }

    public virtual int CountTokens(string text)
    {
        CharactersCounted += text.Length;
        var tokens = 0;
        var run = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                tokens += (run + 9) / 10;
                run = 0;
            }
            else
            {
                run++;
                LongestRunCounted = Math.Max(LongestRunCounted, run);
            }
        }

        return tokens + ((run + 9) / 10);
    }
}

/// <summary>
/// Like a real tokenizer at block boundaries, counts are not additive: a blank line after text costs one more token,
/// while a bare blank line costs nothing.
/// </summary>
internal sealed class BoundaryCostingTokenCounter : FakeTokenCounter
{
    public override int CountTokens(string text)
    {
        var boundaries = 0;
        for (var i = text.IndexOf("\n\n", StringComparison.Ordinal); i > 0; i = text.IndexOf("\n\n", i + 2, StringComparison.Ordinal))
        {
            boundaries += char.IsWhiteSpace(text[i - 1]) ? 0 : 1;
        }

        return base.CountTokens(text) + boundaries;
    }
}
