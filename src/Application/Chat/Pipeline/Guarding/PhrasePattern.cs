using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// One entry of a phrase list: an id for debug output and a regular expression over one form of the message
/// (<see cref="GuardText"/>). Word patterns are written in their language's natural spelling and folded like the text,
/// so "einschränkungen" matches "Einschrankungen" and "EINSCHRÄNKUNGEN". A space in a word pattern means "next word";
/// patterns must not use uppercase escapes (<c>\W</c>, <c>\S</c>…), which folding would lowercase.
/// </summary>
/// <remarks>
/// The patterns are written so that matching stays linear in practice (words are separated by exactly one space, so
/// every repetition consumes a whole word and cannot overlap the next). A timeout guards against a mistake anyway;
/// a message that takes that long to read is adversarial and is treated as matching, so the guard fails closed.
/// The non-backtracking engine would guarantee linear time but costs ~10 ms per pattern to build, seconds for the lists.
/// </remarks>
internal sealed partial class PhrasePattern
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex _regex;
    private readonly Func<GuardText, string> _view;
    private readonly Regex? _spelledOut;

    private PhrasePattern(string id, Regex regex, Func<GuardText, string> view, Regex? spelledOut = null)
    {
        Id = id;
        _regex = regex;
        _view = view;
        _spelledOut = spelledOut;
    }

    public string Id { get; }

    /// <summary>
    /// A phrase of whole words, for languages that separate words with spaces; stems are written out
    /// (<c>оператор\w*</c>). Also found in a message spelled out letter by letter ("i g n o r e").
    /// </summary>
    public static PhrasePattern Words(string id, string pattern)
    {
        var folded = GuardText.Fold(pattern);

        // The padded form has a space before and after every word, so a leading space is the word boundary and lets
        // the regex engine jump straight to the candidate words.
        return new(id, Create($" (?:{folded}) "), text => text.PaddedWords, SpelledOut(folded));
    }

    /// <summary>A phrase that may sit inside a longer run of letters: Chinese, Japanese, Korean and Arabic attach particles and prefixes.</summary>
    public static PhrasePattern Anywhere(string id, string pattern) =>
        new(id, Create(GuardText.Fold(pattern)), text => text.Words);

    /// <summary>A phrase that must be the whole message ("operator", "customer service please").</summary>
    public static PhrasePattern WholeMessage(string id, string pattern) =>
        new(id, Create($"^(?:{GuardText.Fold(pattern)})$"), text => text.Words);

    /// <summary>A pattern over <see cref="GuardText.Folded"/>, where punctuation still counts ("new instructions:"). Written folded.</summary>
    public static PhrasePattern Folded(string id, string pattern) =>
        new(id, Create(pattern), text => text.Folded);

    /// <summary>A case-insensitive pattern over the message as received (markup such as <c>&lt;|im_start|&gt;</c>).</summary>
    public static PhrasePattern Raw(string id, string pattern) =>
        new(id, Create(pattern, RegexOptions.IgnoreCase), text => text.Raw);

    public bool IsMatch(GuardText text) =>
        Matches(_regex, _view(text)) || (text.IsSpelledOut && _spelledOut is not null && Matches(_spelledOut, text.Squashed));

    private static Regex Create(string pattern, RegexOptions extra = RegexOptions.None) => new(pattern, Options | extra, MatchTimeout);

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>
    /// The pattern with its word separators removed, for text that was spelled out ("i g n o r e p r e v i o u s").
    /// Free word slots (<c>(\w+ ){0,2}</c>) are dropped: a spelled-out message has no word boundaries to count them by.
    /// </summary>
    private static Regex SpelledOut(string folded) =>
        Create(FreeWordSlot().Replace(folded, string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal));

    [GeneratedRegex(@"\( ?\\w\+ ?\)\{0,\d+\}", RegexOptions.CultureInvariant)]
    private static partial Regex FreeWordSlot();
}
