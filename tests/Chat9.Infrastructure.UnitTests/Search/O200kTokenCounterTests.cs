using Chat9.Infrastructure.Search;

namespace Chat9.Infrastructure.UnitTests.Search;

public sealed class O200kTokenCounterTests
{
    private readonly O200kTokenCounter _counter = new();

    [Test]
    public void CountTokens_HelloWorld_IsTwoTokens()
    {
        Assert.That(_counter.CountTokens("hello world"), Is.EqualTo(2));
    }

    [Test]
    public void CountTokens_EmptyText_IsZero()
    {
        Assert.That(_counter.CountTokens(""), Is.Zero);
    }

    [Test]
    public void CountTokens_GrowsWithTheText()
    {
        const string sentence = "Use Settings → Export and choose PDF to download your notes. ";

        var once = _counter.CountTokens(sentence);
        var tenTimes = _counter.CountTokens(string.Concat(Enumerable.Repeat(sentence, 10)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(once, Is.GreaterThan(5));
            Assert.That(tenTimes, Is.InRange(9 * once, 11 * once));
        }
    }

    [Test]
    public void CountTokens_IsStableAcrossInstancesAndThreads()
    {
        const string text = "Die Rechnungen können Sie unter Einstellungen → Abrechnung herunterladen. 日本語もOK.";
        var expected = new O200kTokenCounter().CountTokens(text);

        var counts = new int[64];
        Parallel.For(0, counts.Length, i => counts[i] = _counter.CountTokens(text));

        Assert.That(counts, Is.All.EqualTo(expected).And.All.Positive);
    }
}
