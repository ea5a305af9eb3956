using System.Globalization;
using System.Text;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// The rules of a robots.txt file (RFC 9309) for one crawler. Groups are chosen by the crawler's product token
/// (case-insensitive, e.g. <c>chat9bot</c>), else <c>*</c>; several matching groups are merged. Among the matching
/// Allow/Disallow rules the longest pattern wins and Allow wins a tie. Patterns support <c>*</c> and a final <c>$</c>.
/// Also read: <c>Crawl-delay</c> (seconds, decimals allowed; not in the RFC but widely used) and <c>Sitemap</c> lines,
/// which belong to no group.
/// </summary>
public sealed class RobotsTxt
{
    private static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromDays(1);

    private readonly IReadOnlyList<Rule> _rules;

    private RobotsTxt(IReadOnlyList<Rule> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    /// <summary>What a missing robots.txt (any 4xx) means: everything may be crawled.</summary>
    public static RobotsTxt AllowAll { get; } = new([], null, []);

    public TimeSpan? CrawlDelay { get; }

    /// <summary>The <c>Sitemap</c> URLs exactly as written.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsTxt Parse(string content, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(userAgent);

        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var previousWasUserAgent = false;
        foreach (var rawLine in content.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n'))
        {
            var line = StripComment(rawLine);
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    // Consecutive user-agent lines share one group; one after a rule starts the next group.
                    if (current is null || !previousWasUserAgent)
                    {
                        current = new Group();
                        groups.Add(current);
                    }

                    current.Agents.Add(ProductToken(value));
                    previousWasUserAgent = true;
                    break;
                case "allow" or "disallow":
                    // An empty Disallow allows everything, which is also what no rule at all means.
                    if (current is not null && value.Length > 0)
                    {
                        current.Rules.Add(new Rule(key == "allow", NormalizeEncoding(value)));
                    }

                    previousWasUserAgent = false;
                    break;
                case "crawl-delay":
                    if (current is not null
                        && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
                    {
                        // Clamped so an absurd value cannot overflow TimeSpan; the crawler caps it far lower anyway.
                        current.CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, MaxCrawlDelay.TotalSeconds));
                    }

                    previousWasUserAgent = false;
                    break;
                case "sitemap":
                    if (value.Length > 0)
                    {
                        sitemaps.Add(value);
                    }

                    break;
            }
        }

        var token = ProductToken(userAgent);
        var matching = groups.Where(group => group.Agents.Contains(token, StringComparer.OrdinalIgnoreCase)).ToList();
        if (matching.Count == 0)
        {
            matching = groups.Where(group => group.Agents.Contains("*")).ToList();
        }

        return new RobotsTxt(
            matching.SelectMany(group => group.Rules).ToList(),
            matching.Select(group => group.CrawlDelay).Max(),
            sitemaps);
    }

    /// <param name="pathAndQuery">The URL's path with its query, as <see cref="Uri.PathAndQuery"/> gives it.</param>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var path = NormalizeEncoding(pathAndQuery);
        if (path == "/robots.txt")
        {
            return true;
        }

        Rule? best = null;
        foreach (var rule in _rules)
        {
            var moreSpecific = best is null
                || rule.Pattern.Length > best.Pattern.Length
                || (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow);
            if (moreSpecific && Matches(rule.Pattern, path))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    /// <summary><c>Chat9Bot/1.2 (+https://…)</c> → <c>Chat9Bot</c>: groups name the product, never a version.</summary>
    internal static string ProductToken(string userAgent)
    {
        var trimmed = userAgent.Trim();
        var end = trimmed.AsSpan().IndexOfAny('/', ' ', '(');
        return end < 0 ? trimmed : trimmed[..end];
    }

    /// <summary>
    /// RFC 9309 2.2.2: compares paths with unreserved characters unescaped, other escapes in upper case and non-ASCII
    /// characters percent-encoded as UTF-8, so <c>/%7Ea</c>, <c>/~a</c> and <c>/%7ea</c> are one path.
    /// </summary>
    private static string NormalizeEncoding(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var character = value[i];
            if (character == '%' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                var decoded = (char)Convert.ToByte(value.Substring(i + 1, 2), 16);
                if (IsUnreserved(decoded))
                {
                    result.Append(decoded);
                }
                else
                {
                    result.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                }

                i += 2;
            }
            else if (character > 0x7F)
            {
                var length = char.IsSurrogatePair(value, i) ? 2 : 1;
                foreach (var octet in Encoding.UTF8.GetBytes(value.Substring(i, length)))
                {
                    result.Append('%').Append(octet.ToString("X2", CultureInfo.InvariantCulture));
                }

                i += length - 1;
            }
            else
            {
                result.Append(character);
            }
        }

        return result.ToString();
    }

    private static bool IsUnreserved(char character) => char.IsAsciiLetterOrDigit(character) || character is '-' or '.' or '_' or '~';

    /// <summary>
    /// Whether the pattern matches from the start of the path. Without a final <c>$</c> a pattern matches any path it
    /// is a prefix of, which is the same as a trailing <c>*</c>. Wildcard matching that backtracks only to the last
    /// <c>*</c>, so it stays O(pattern × path) whatever the file contains.
    /// </summary>
    private static bool Matches(string pattern, string path)
    {
        var glob = pattern.EndsWith('$') ? pattern[..^1] : pattern + "*";
        int p = 0, s = 0, star = -1, starMatch = 0;
        while (s < path.Length)
        {
            if (p < glob.Length && glob[p] == '*')
            {
                star = p++;
                starMatch = s;
            }
            else if (p < glob.Length && glob[p] == path[s])
            {
                p++;
                s++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++starMatch;
            }
            else
            {
                return false;
            }
        }

        while (p < glob.Length && glob[p] == '*')
        {
            p++;
        }

        return p == glob.Length;
    }

    private sealed record Rule(bool Allow, string Pattern);

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<Rule> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }
}
