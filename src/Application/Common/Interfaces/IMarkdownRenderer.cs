namespace Chat9.Application.Common.Interfaces;

/// <summary>Renders Markdown to HTML for Chat9's own pages (the demo docs). Raw HTML in the source is escaped, never passed through.</summary>
public interface IMarkdownRenderer
{
    string ToHtml(string markdown);
}
