using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Documents.Processing;
using Chat9.Application.Knowledge.Profile.ExtractKnowledgeProfile;
using Chat9.Domain.Knowledge;
using static Chat9.Application.UnitTests.Knowledge.KnowledgeTesting;

namespace Chat9.Application.UnitTests.Knowledge;

public sealed class GlossaryPatternsTests
{
    private static readonly ProfileLimits Limits = new();

    [TestCase(BlockKind.Paragraph, "**Notebook** — A collection of notes with one color.", "Notebook", "A collection of notes with one color.")]
    [TestCase(BlockKind.Paragraph, "__Workspace__: a shared space for a team's notebooks.", "Workspace", "A shared space for a team's notebooks.")]
    [TestCase(BlockKind.List, "- **Expiry date:** the link stops working after the date you choose.", "Expiry date", "The link stops working after the date you choose.")]
    [TestCase(BlockKind.List, "- Share link: a web address anyone can open in a browser", "Share link", "A web address anyone can open in a browser")]
    [TestCase(BlockKind.Paragraph, "Seat\n: One paid member of a team workspace.", "Seat", "One paid member of a team workspace.")]
    [TestCase(BlockKind.Paragraph, "Notewell is a notes app for the web and phones. It syncs.", "Notewell", "A notes app for the web and phones.")]
    [TestCase(BlockKind.Paragraph, "You can nest them. A **notebook** is a folder for related notes.", "notebook", "A folder for related notes.")]
    [TestCase(BlockKind.Table, "| Term | Definition |\n|---|---|\n| Vault | An encrypted notebook for secrets. |", "Vault", "An encrypted notebook for secrets.")]
    public void FindIn_RecognisesDefinitionPatterns(BlockKind kind, string markdown, string term, string definition)
    {
        var found = GlossaryPatterns.FindIn(new OutlineBlock(kind, markdown), "en", Limits).ToList();

        Assert.That(found, Is.EqualTo(new[] { new GlossaryEntry(term, definition) }));
    }

    [TestCase(BlockKind.Paragraph, "This is a note about things you should know.")]
    [TestCase(BlockKind.Paragraph, "Sync is available on all plans, including Free.")]
    [TestCase(BlockKind.Paragraph, "**Note:** back up your notes before you import.")]
    [TestCase(BlockKind.List, "- Step 1: open the settings page")]
    [TestCase(BlockKind.List, "- Storage: 20 GB")]
    [TestCase(BlockKind.Paragraph, "Open **Settings → Account** and follow the steps.")]
    [TestCase(BlockKind.Table, "| Plan | Price |\n|---|---|\n| Plus | $6 per month for one member |")]
    public void FindIn_IgnoresTextThatDefinesNothing(BlockKind kind, string markdown) =>
        Assert.That(GlossaryPatterns.FindIn(new OutlineBlock(kind, markdown), "en", Limits), Is.Empty);

    [Test]
    public void FindIn_UsesTheDocumentsLanguage()
    {
        var block = new OutlineBlock(BlockKind.Paragraph, "Notewell ist eine App für Notizen im Browser.");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(GlossaryPatterns.FindIn(block, "de", Limits), Is.EqualTo(new[] { new GlossaryEntry("Notewell", "Eine App für Notizen im Browser.") }));
            Assert.That(GlossaryPatterns.FindIn(block, "en", Limits), Is.Empty);
        }
    }

    [Test]
    public void Find_KeepsTheFirstDefinitionOfATerm_AndStaysWithinTheLimits()
    {
        var longDefinition = string.Join(' ', Enumerable.Repeat("A very long definition sentence about sync.", 40));
        var document = Document("Glossary", $"""
            # Glossary

            **Sync** — Keeping notes equal on every device.

            **sync** — A second definition that loses.

            **{new string('t', 101)}** — A term that is too long to keep.

            **Archive** — {longDefinition}

            **Tag** — A label you put on notes.
            """);

        var all = GlossaryPatterns.Find([document], Limits);
        var two = GlossaryPatterns.Find([document], new ProfileLimits { MaxGlossaryEntries = 2 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.Select(g => g.Term), Is.EqualTo(new[] { "Sync", "Archive", "Tag" }));
            Assert.That(all[0].Definition, Is.EqualTo("Keeping notes equal on every device."));
            Assert.That(all[1].Definition, Has.Length.LessThanOrEqualTo(1000).And.EndsWith("sync."));
            Assert.That(two.Select(g => g.Term), Is.EqualTo(new[] { "Sync", "Archive" }));
        }
    }
}
