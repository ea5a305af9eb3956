using System.Text;
using System.Text.RegularExpressions;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// An operator's exclusion pattern, matched against a URL's path with its query (<c>/blog/post?page=2</c>) as a whole:
/// <c>*</c> = any characters except <c>/</c>, <c>**</c> = any characters, <c>?</c> = exactly one character.
/// A <c>/**/</c> also matches a single <c>/</c>, so <c>/**/changelog</c> covers <c>/changelog</c> as operators expect.
/// A pattern without a leading <c>/</c> gets one, since every path has it.
/// </summary>
public sealed class ExclusionGlob
{
    // NonBacktracking runs in time linear to the path, so no pattern an operator types can stall the crawler.
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking;

    private readonly Regex _regex;

    public ExclusionGlob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern.StartsWith('/') ? pattern : "/" + pattern;
        _regex = new Regex(ToRegex(Pattern), Options);
    }

    public string Pattern { get; }

    public bool IsMatch(string pathAndQuery) => _regex.IsMatch(pathAndQuery);

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    var slashBefore = i > 0 && pattern[i - 1] == '/';
                    var slashAfter = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    if (slashBefore && slashAfter)
                    {
                        regex.Append("(?:.*/)?");
                        i += 2;
                    }
                    else
                    {
                        regex.Append(".*");
                        i++;
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                default:
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
