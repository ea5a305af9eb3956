using System.Text;

namespace Chat9.Benchmarks;

/// <summary>
/// Deterministic documentation-like text: a Zipf-distributed vocabulary of pronounceable words, so term frequencies
/// and posting-list lengths resemble real docs (a few very common words, a long tail of rare ones).
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ra", "to", "su", "vi", "de", "po", "an", "el", "or", "ti", "ba", "gu", "fe", "zo", "qui", "sha"];

    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;
    private readonly Random _random;

    public SyntheticCorpus(int vocabularySize = 20_000, int seed = 42)
    {
        _random = new Random(seed);
        _vocabulary = new string[vocabularySize];
        var seen = new HashSet<string>();
        for (var i = 0; i < vocabularySize; i++)
        {
            string word;
            do
            {
                var builder = new StringBuilder();
                var syllables = 2 + _random.Next(3);
                for (var s = 0; s < syllables; s++)
                {
                    builder.Append(Syllables[_random.Next(Syllables.Length)]);
                }

                word = builder.ToString();
            }
            while (!seen.Add(word));

            _vocabulary[i] = word;
        }

        _cumulative = new double[vocabularySize];
        var total = 0.0;
        for (var i = 0; i < vocabularySize; i++)
        {
            total += 1.0 / (i + 1);
            _cumulative[i] = total;
        }

        for (var i = 0; i < vocabularySize; i++)
        {
            _cumulative[i] /= total;
        }
    }

    public string Word()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _vocabulary[index < 0 ? ~index : index];
    }

    /// <summary>A paragraph of about <paramref name="words"/> words with sentence punctuation.</summary>
    public string Paragraph(int words)
    {
        var builder = new StringBuilder(words * 8);
        for (var i = 0; i < words; i++)
        {
            var word = Word();
            builder.Append(i % 12 == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            builder.Append(i % 12 == 11 ? ". " : " ");
        }

        return builder.ToString().TrimEnd() + ".";
    }

    /// <summary>A query of mid-frequency terms (the kind that decides a search).</summary>
    public string Query(int terms)
    {
        var words = new string[terms];
        for (var i = 0; i < terms; i++)
        {
            words[i] = _vocabulary[50 + _random.Next(5_000)];
        }

        return string.Join(' ', words);
    }

    /// <summary>A Markdown document of roughly <paramref name="bytes"/> bytes with headings, lists and code.</summary>
    public string Markdown(int bytes)
    {
        var builder = new StringBuilder(bytes + 1024);
        var section = 0;
        while (builder.Length < bytes)
        {
            section++;
            builder.Append("## Section ").Append(section).Append(' ').Append(Word()).Append("\n\n");
            builder.Append(Paragraph(120)).Append("\n\n");
            builder.Append("- ").Append(Paragraph(10)).Append("\n- ").Append(Paragraph(10)).Append("\n\n");
            if (section % 5 == 0)
            {
                builder.Append("```bash\ncurl -X POST https://api.example.test/").Append(Word()).Append("\n```\n\n");
            }

            builder.Append(Paragraph(160)).Append("\n\n");
        }

        return builder.ToString();
    }
}
