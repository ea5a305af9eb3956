using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Text of HTML elements as a reader sees it: chrome left out (<see cref="HtmlNoiseFilter"/>), whitespace collapsed.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section",
        "summary", "table", "td", "th", "tr", "ul",
    };

    /// <summary>Elements that start a new line of text in a browser; text on either side of them never runs together.</summary>
    public static bool IsBlock(IElement element) => BlockElements.Contains(element.LocalName);

    public static string Visible(INode node)
    {
        var text = new StringBuilder();
        AppendVisible(text, node);
        return WhitespaceText.Collapse(text.ToString());
    }

    /// <summary>The text of a <c>pre</c> element with its whitespace intact.</summary>
    public static string Preformatted(INode node)
    {
        var text = new StringBuilder();
        AppendPreformatted(text, node);
        return text.ToString();
    }

    /// <summary>The language of a code block from the common "language-x" / "lang-x" class on the pre or its code element.</summary>
    public static string? CodeLanguage(IElement pre)
    {
        var classes = pre.ClassList.Concat(pre.QuerySelector("code")?.ClassList ?? Enumerable.Empty<string>());
        return classes
            .Select(name => name.StartsWith("language-", StringComparison.Ordinal) ? name["language-".Length..]
                : name.StartsWith("lang-", StringComparison.Ordinal) ? name["lang-".Length..] : null)
            .FirstOrDefault(language => !string.IsNullOrEmpty(language));
    }

    public static string List(IElement list)
    {
        var writer = new ListTextWriter();
        WriteList(writer, list, depth: 0);
        return writer.ToString();
    }

    public static string Table(IElement table) => BlockText.Table(table
        .QuerySelectorAll("tr")
        .Where(row => row.Closest("table") == table && !HtmlNoiseFilter.IsNoise(row))
        .Select(row => row.Children
            .Where(cell => cell.LocalName is "td" or "th")
            .Select(Visible)
            .ToList()));

    private static void WriteList(ListTextWriter writer, IElement list, int depth)
    {
        var ordered = list.LocalName == "ol";
        var number = int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var item in list.Children.Where(child => child.LocalName == "li" && !HtmlNoiseFilter.IsNoise(child)))
        {
            var text = new StringBuilder();
            var nestedLists = new List<IElement>();
            foreach (var node in item.ChildNodes)
            {
                if (node is IElement { LocalName: "ul" or "ol" } nested)
                {
                    nestedLists.Add(nested);
                }
                else
                {
                    AppendVisible(text, node);
                }
            }

            writer.AddItem(depth, ordered ? $"{number++}." : "-", WhitespaceText.Collapse(text.ToString()));
            foreach (var nested in nestedLists.Where(nested => !HtmlNoiseFilter.IsNoise(nested)))
            {
                WriteList(writer, nested, depth + 1);
            }
        }
    }

    private static void AppendVisible(StringBuilder text, INode node)
    {
        switch (node)
        {
            case IText textNode:
                text.Append(textNode.Data);
                break;
            case IElement element when HtmlNoiseFilter.IsNoise(element):
                break;
            case IElement element:
                var separate = IsBlock(element) || element.LocalName == "br";
                if (separate)
                {
                    text.Append(' ');
                }

                foreach (var child in element.ChildNodes)
                {
                    AppendVisible(text, child);
                }

                if (separate)
                {
                    text.Append(' ');
                }

                break;
        }
    }

    private static void AppendPreformatted(StringBuilder text, INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText textNode)
            {
                text.Append(textNode.Data);
            }
            else if (child is IElement { LocalName: "br" })
            {
                text.Append('\n');
            }
            else if (child is IElement element && !HtmlNoiseFilter.IsNoise(element))
            {
                AppendPreformatted(text, element);
            }
        }
    }
}
