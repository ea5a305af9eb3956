using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

public sealed class MarkdownParserTests
{
    private const string MdxGuide = """
        ---
        title: Front matter title
        sidebar_position: 2
        ---
        import Tabs from '@theme/Tabs';
        import { Callout } from '../components';
        export const meta = {
          author: 'docs-team',
        };

        # Getting started

        <Callout type="info">
        Rotate your API keys every **90 days**.
        </Callout>

        <Tabs items={['npm', 'yarn']} />

        Install the package. <!-- reviewers: check the version -->

        {/* An MDX comment */}

        ## Install {#setup}

        ```python
        import os
        print("<Callout>")
        ```

        | Plan | Price |
        |------|-------|
        | Free | 0 € |
        | Pro  | 20 € |

        > Keep your key secret.
        """;

    [Test]
    public void Parse_MdxGuide_DropsFrontMatterImportsExportsComponentTagsAndComments()
    {
        var text = DocumentParsing.Parse(DocumentFileType.Markdown, MdxGuide).FullText;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Not.Contain("Front matter title").And.Not.Contain("sidebar_position"));
            Assert.That(text, Does.Not.Contain("@theme/Tabs").And.Not.Contain("docs-team"));
            Assert.That(text, Does.Not.Contain("<Callout type").And.Not.Contain("</Callout>").And.Not.Contain("<Tabs"));
            Assert.That(text, Does.Not.Contain("reviewers").And.Not.Contain("MDX comment"));
            Assert.That(text, Does.Contain("Rotate your API keys every 90 days."));
            Assert.That(text, Does.Contain("Install the package."));
        }
    }

    [Test]
    public void Parse_MdxGuide_GivesBlocksInReadingOrder()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, MdxGuide);

        Assert.That(document.Blocks.Select(b => b.Kind), Is.EqualTo(new[]
        {
            BlockKind.Heading, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Heading, BlockKind.Code, BlockKind.Table, BlockKind.Quote,
        }));
    }

    [Test]
    public void Parse_CodeFence_KeepsItsTextVerbatimWithTheLanguage()
    {
        var code = DocumentParsing.Parse(DocumentFileType.Markdown, MdxGuide).Single(BlockKind.Code);

        Assert.That(code.Text, Is.EqualTo("```python\nimport os\nprint(\"<Callout>\")\n```"));
    }

    [Test]
    public void Parse_Table_IsRenderedAsPipeRows()
    {
        var table = DocumentParsing.Parse(DocumentFileType.Markdown, MdxGuide).Single(BlockKind.Table);

        Assert.That(table.Text, Is.EqualTo("| Plan | Price |\n| Free | 0 € |\n| Pro | 20 € |"));
    }

    [Test]
    public void Parse_Blockquote_IsAQuoteBlock()
    {
        var quote = DocumentParsing.Parse(DocumentFileType.Markdown, MdxGuide).Single(BlockKind.Quote);

        Assert.That(quote.Text, Is.EqualTo("Keep your key secret."));
    }

    [Test]
    public void Parse_Headings_GiveLevelsPathsAnchorsAndTheTitle()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, """
            # User Guide

            Intro.

            ## Install {#setup}

            ### On Linux & macOS

            Run the script.

            ## Use it

            Done.
            """);

        var headings = document.Blocks.Where(b => b.Kind == BlockKind.Heading).ToList();
        var runScript = document.Blocks.Single(b => b.Text == "Run the script.");
        var done = document.Blocks.Single(b => b.Text == "Done.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Title, Is.EqualTo("User Guide"));
            Assert.That(headings.Select(h => h.HeadingLevel), Is.EqualTo(new[] { 1, 2, 3, 2 }));
            Assert.That(headings.Select(h => h.Anchor), Is.EqualTo(new[] { "user-guide", "setup", "on-linux--macos", "use-it" }));
            Assert.That(headings[2].HeadingPath, Is.EqualTo(new[] { "User Guide", "Install", "On Linux & macOS" }));
            Assert.That(runScript.HeadingPath, Is.EqualTo(new[] { "User Guide", "Install", "On Linux & macOS" }));
            Assert.That(runScript.Anchor, Is.EqualTo("on-linux--macos"));
            Assert.That(done.HeadingPath, Is.EqualTo(new[] { "User Guide", "Use it" }));
            Assert.That(done.Anchor, Is.EqualTo("use-it"));
        }
    }

    [Test]
    public void Parse_RepeatedHeadings_GetNumberedAnchors()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, "## Example\n\none\n\n## Example\n\ntwo\n\n## Example\n\nthree");

        var anchors = document.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Anchor);

        Assert.That(anchors, Is.EqualTo(new[] { "example", "example-1", "example-2" }));
    }

    [Test]
    public void Parse_WithoutLevelOneHeading_HasNoTitle()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, "## Section\n\nText.");

        Assert.That(document.Title, Is.Null);
    }

    [Test]
    public void Parse_List_IsOneBlockWithNestedItemsIndented()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, """
            - Create an *account*
            - Add a bot
              - Name it
              - Pick a model
            - Upload docs
            """);

        Assert.That(document.Single(BlockKind.List).Text, Is.EqualTo("- Create an account\n- Add a bot\n  - Name it\n  - Pick a model\n- Upload docs"));
    }

    [Test]
    public void Parse_OrderedList_KeepsItsNumbers()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, "3. Third\n4. Fourth");

        Assert.That(document.Single(BlockKind.List).Text, Is.EqualTo("3. Third\n4. Fourth"));
    }

    [Test]
    public void Parse_IndentedCode_IsACodeBlockWithoutLanguage()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, "Run:\n\n    chat9 serve --port 8080\n");

        Assert.That(document.Single(BlockKind.Code).Text, Is.EqualTo("```\nchat9 serve --port 8080\n```"));
    }

    [Test]
    public void Parse_TomlFrontMatter_IsDropped()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, "+++\ntitle = \"Hidden\"\n+++\n\nVisible text.");

        Assert.That(document.FullText, Is.EqualTo("Visible text."));
    }

    [Test]
    public void Parse_ComponentTagInInlineCode_IsKept()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, "Wrap steps in `<Tabs />` to group them.");

        Assert.That(document.FullText, Is.EqualTo("Wrap steps in <Tabs /> to group them."));
    }

    [Test]
    public void Parse_ProseStartingWithImport_IsKept()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, "import the CSV file into your workspace.");

        Assert.That(document.FullText, Is.EqualTo("import the CSV file into your workspace."));
    }

    [Test]
    public void Parse_RawHtmlBlock_KeepsItsTextButNotScripts()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Markdown, "<div align=\"center\">\n<b>Fast</b> &amp; private\n</div>\n\n<script>track();</script>\n");

        Assert.That(document.FullText, Is.EqualTo("Fast & private"));
    }
}
