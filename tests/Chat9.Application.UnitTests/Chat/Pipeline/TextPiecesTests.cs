using Chat9.Application.Chat.Pipeline;

namespace Chat9.Application.UnitTests.Chat.Pipeline;

public sealed class TextPiecesTests
{
    [TestCase("One sentence only")]
    [TestCase("First. Second! Third? Done.")]
    [TestCase("Lead-in:\n\n**Heading**\n- item. More.")]
    [TestCase("")]
    public void Pieces_AddUpExactlyToTheText(string text) =>
        Assert.That(string.Concat(TextPieces.Split(text)), Is.EqualTo(text));

    [Test]
    public void SplitsAfterSentenceEnds()
    {
        Assert.That(TextPieces.Split("First. Second! Third?"), Is.EqualTo(new[] { "First. ", "Second! ", "Third?" }));
        Assert.That(TextPieces.Split(string.Empty), Is.Empty);
    }
}
