using Chat9.Application.Common.Interfaces;
using Microsoft.ML.Tokenizers;

namespace Chat9.Infrastructure.Search;

/// <summary>Counts tokens with the <c>o200k_base</c> encoding, the fallback when the answer model's tokenizer is unknown.</summary>
public sealed class O200kTokenCounter : ITokenCounter
{
    // Loading the 200k-entry vocabulary takes a while and a few MB, so it happens once, on first use.
    // The tokenizer is safe to share between threads (its internal cache locks).
    private static readonly Lazy<TiktokenTokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tokenizer.Value.CountTokens(text);
    }
}
