using System.Text;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;
using Chat9.Infrastructure.Documents.Parsing;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

public sealed class DocumentOutlineReaderTests
{
    [Test]
    public void Markdown_KeepsItsSourceText_PerSection()
    {
        var outline = Read(DocumentFileType.Markdown, """
            ---
            title: Front matter is dropped
            ---
            Before any heading.

            # Export and Import

            Your notes belong to **you**. See [the guide](https://docs.example/guide).

            ## How do I export a note?

            1. Open the note.
            2. Choose **Export**.

            ```bash
            notewell export --all
            ```

            ### PDF

            | Format | Best for |
            |---|---|
            | PDF | Printing |

            <div class="note"><b>Tip:</b> exports are free.</div>
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outline.Title, Is.EqualTo("Export and Import"));
            Assert.That(outline.Sections.Select(s => (s.Level, s.Heading)), Is.EqualTo(new (int, string?)[]
            {
                (0, null), (1, "Export and Import"), (2, "How do I export a note?"), (3, "PDF"),
            }));
            Assert.That(outline.Sections[1].Blocks.Single().Markdown, Is.EqualTo("Your notes belong to **you**. See [the guide](https://docs.example/guide)."));
            Assert.That(outline.Sections[2].Blocks.Select(b => b.Kind), Is.EqualTo(new[] { BlockKind.List, BlockKind.Code }));
            Assert.That(outline.Sections[2].Blocks[0].Markdown, Is.EqualTo("1. Open the note.\n2. Choose **Export**."));
            Assert.That(outline.Sections[2].Blocks[1].Markdown, Is.EqualTo("```bash\nnotewell export --all\n```"));
            Assert.That(outline.Sections[3].HeadingPath, Is.EqualTo(new[] { "Export and Import", "How do I export a note?", "PDF" }));
            Assert.That(outline.Sections[3].Blocks[0].Markdown, Does.StartWith("| Format | Best for |"));
            Assert.That(outline.Sections[3].Blocks[1].Markdown, Is.EqualTo("Tip: exports are free."), "raw HTML gives its visible text");
        }
    }

    [Test]
    public void OtherFormats_GiveTheParsersBlocksAsSections()
    {
        var outline = Read(DocumentFileType.Html, """
            <html><head><title>Help</title></head><body>
            <h1>Help</h1><p>Intro.</p>
            <h2>Can I print a note?</h2><p>Yes, from the menu.</p>
            </body></html>
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outline.Sections.Where(s => s.Heading is not null).Select(s => s.Heading), Is.EqualTo(new[] { "Help", "Can I print a note?" }));
            Assert.That(outline.Sections.Last().Blocks.Single().Markdown, Is.EqualTo("Yes, from the menu."));
        }
    }

    private static DocumentOutline Read(DocumentFileType type, string text) =>
        new DocumentOutlineReader(new DocumentParser()).Read(type, Encoding.UTF8.GetBytes(text), DocumentParsing.DefaultLimits, CancellationToken.None);
}
