using System.Diagnostics;
using System.Text;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;
using Chat9.Infrastructure.Documents.Parsing;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

public sealed class HtmlParserTests
{
    private const string DocsPage = """
        <!DOCTYPE html>
        <html>
        <head>
          <title>Webhooks – Acme Docs</title>
          <style>.hero { color: red; }</style>
          <script>window.analytics = "tracking";</script>
        </head>
        <body>
          <header class="site-header"><a href="/">Acme</a> <span>Site banner</span></header>
          <nav><a href="/docs">Docs home</a></nav>
          <div class="breadcrumbs">Docs / Webhooks</div>
          <div id="cookie-banner">We use cookies.</div>
          <div role="navigation">Previous page</div>
          <aside>Related articles</aside>
          <main>
            <article>
              <header><h1 id="webhooks">Webhooks <a class="headerlink" href="#webhooks">¶</a></h1></header>
              <p>Chat9   sends
                 a <strong>POST</strong> request for each event.</p>
              <div>Deliveries are retried <em>six</em> times.<span aria-hidden="true">icon</span></div>
              <h2>Verify signatures</h2>
              <ol>
                <li>Read the header
                  <ul><li>named <code>X-Chat9-Signature</code></li></ul>
                </li>
                <li>Compare the HMAC</li>
              </ol>
              <pre><code class="language-bash">curl -X POST \
          https://example.com/hook</code></pre>
              <table>
                <tr><th>Event</th><th>When</th></tr>
                <tr><td>ticket.created</td><td>A ticket is opened</td></tr>
              </table>
              <blockquote><p>Respond within 10 seconds.</p></blockquote>
              <noscript>Enable JavaScript</noscript>
            </article>
          </main>
          <footer>© Acme</footer>
          <form><input name="q"> Search</form>
        </body>
        </html>
        """;

    [Test]
    public void Parse_DocsPage_DropsChrome()
    {
        var text = DocumentParsing.Parse(DocumentFileType.Html, DocsPage).FullText;

        Assert.That(new[] { "tracking", "color: red", "Site banner", "Docs home", "Docs / Webhooks", "cookies", "Previous page",
            "Related articles", "icon", "Enable JavaScript", "© Acme", "Search" }, Has.None.Matches<string>(chrome => text.Contains(chrome, StringComparison.Ordinal)));
    }

    [Test]
    public void Parse_DocsPage_ReadsTheArticleAsBlocksInOrder()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Html, DocsPage);

        Assert.That(document.Blocks.Select(b => (b.Kind, b.Text)), Is.EqualTo(new[]
        {
            (BlockKind.Heading, "Webhooks"),
            (BlockKind.Paragraph, "Chat9 sends a POST request for each event."),
            (BlockKind.Paragraph, "Deliveries are retried six times."),
            (BlockKind.Heading, "Verify signatures"),
            (BlockKind.List, "1. Read the header\n  - named X-Chat9-Signature\n2. Compare the HMAC"),
            (BlockKind.Code, "```bash\ncurl -X POST \\\n  https://example.com/hook\n```"),
            (BlockKind.Table, "| Event | When |\n| ticket.created | A ticket is opened |"),
            (BlockKind.Quote, "Respond within 10 seconds."),
        }));
    }

    [Test]
    public void Parse_Headings_UseTheirIdOrASlugAsAnchor()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Html, DocsPage);

        var table = document.Single(BlockKind.Table);
        var headings = document.Blocks.Where(b => b.Kind == BlockKind.Heading).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(headings.Select(h => h.Anchor), Is.EqualTo(new[] { "webhooks", "verify-signatures" }));
            Assert.That(headings.Select(h => h.HeadingLevel), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(table.HeadingPath, Is.EqualTo(new[] { "Webhooks", "Verify signatures" }));
            Assert.That(table.Anchor, Is.EqualTo("verify-signatures"));
        }
    }

    [Test]
    public void Parse_TitleElement_IsTheTitle()
    {
        Assert.That(DocumentParsing.Parse(DocumentFileType.Html, DocsPage).Title, Is.EqualTo("Webhooks – Acme Docs"));
    }

    [Test]
    public void Parse_WithoutTitleElement_TheFirstH1IsTheTitle()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Html, "<body><h1>Pricing</h1><p>Plans and prices.</p></body>");

        Assert.That(document.Title, Is.EqualTo("Pricing"));
    }

    [Test]
    public void Parse_WithoutMain_ReadsTheBodyAndKeepsInlineTextBetweenBlocks()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Html, "<body><div class=\"sidebar\">Menu</div><div>Loose text<p>A paragraph.</p>tail text<br>next line</div></body>");

        Assert.That(document.Blocks.Select(b => b.Text), Is.EqualTo(new[] { "Loose text", "A paragraph.", "tail text\nnext line" }));
    }

    [Test]
    public void Parse_ClassNamesThatOnlyContainNavigationWords_AreKept()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Html, "<body><div class=\"navigator-guide\">Navigator guide.</div><div id=\"menus-and-dishes\">Our menus.</div></body>");

        Assert.That(document.Blocks.Select(b => b.Text), Is.EqualTo(new[] { "Navigator guide.", "Our menus." }));
    }

    [Test]
    public void Parse_HostileNesting_StopsSoonAfterCancellation()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep text");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new DocumentParser().Parse(DocumentFileType.Html, content, DocumentParsing.DefaultLimits, cancellation.Token),
                Throws.InstanceOf<OperationCanceledException>());
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        }
    }
}
