using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline;

/// <summary>Splits a reply written at once into sentence-sized pieces for streaming; the pieces add up exactly to the text.</summary>
public static partial class TextPieces
{
    public static IReadOnlyList<string> Split(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var pieces = new List<string>();
        var start = 0;
        foreach (Match boundary in SentenceBoundary().Matches(text))
        {
            var end = boundary.Index + boundary.Length;
            if (end > start && end < text.Length)
            {
                pieces.Add(text[start..end]);
                start = end;
            }
        }

        pieces.Add(text[start..]);
        return pieces;
    }

    [GeneratedRegex(@"(?<=[.!?。！？:])\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex SentenceBoundary();
}
