using Chat9.Domain.Common.Specifications;
using Chat9.Domain.Tickets;
using Chat9.Domain.Tickets.Specifications;

namespace Chat9.Domain.UnitTests.Common;

public sealed class SpecificationTests
{
    private sealed record Item(string Name, int Size);

    private sealed class NamedSpec : Specification<Item>
    {
        public NamedSpec(string prefix, int minSize)
        {
            Where(i => i.Name.StartsWith(prefix));
            Where(i => i.Size >= minSize);
        }
    }

    private sealed class EverythingSpec : Specification<Item>;

    private sealed class PagedSpec : Specification<Item>
    {
        public PagedSpec(int skip, int take) => Page(skip, take);
    }

    private sealed class NameOnlySpec : Specification<Item, string>
    {
        public override System.Linq.Expressions.Expression<Func<Item, string>> Selector => i => i.Name;
    }

    [Test]
    public void IsSatisfiedBy_WhenEveryCriterionHolds_ReturnsTrue() =>
        Assert.That(new NamedSpec("ab", 2).IsSatisfiedBy(new Item("abc", 3)), Is.True);

    [TestCase("xyz", 3)]
    [TestCase("abc", 1)]
    public void IsSatisfiedBy_WhenAnyCriterionFails_ReturnsFalse(string name, int size) =>
        Assert.That(new NamedSpec("ab", 2).IsSatisfiedBy(new Item(name, size)), Is.False);

    [Test]
    public void IsSatisfiedBy_WhenThereAreNoCriteria_ReturnsTrue() =>
        Assert.That(new EverythingSpec().IsSatisfiedBy(new Item("anything", 0)), Is.True);

    [Test]
    public void Page_WhenValid_SetsSkipAndTake()
    {
        var spec = new PagedSpec(10, 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(spec.Skip, Is.EqualTo(10));
            Assert.That(spec.Take, Is.EqualTo(5));
        }
    }

    [TestCase(-1, 5)]
    [TestCase(0, 0)]
    public void Page_WhenSkipNegativeOrTakeNotPositive_Throws(int skip, int take) =>
        Assert.That(() => new PagedSpec(skip, take), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void ProjectionSpec_WhenCreated_ReadsWithoutTracking() =>
        Assert.That(new NameOnlySpec().AsNoTracking, Is.True);

    [Test]
    public void OpenTicketsOfBotSpec_WhenEvaluatedInMemory_MatchesOnlyUnresolvedTicketsOfThatBot()
    {
        var botId = Guid.NewGuid();
        var open = OpenTicket(botId);
        var resolved = OpenTicket(botId);
        resolved.ChangeStatus(TicketStatus.Resolved, "done", Moments.Now);
        var otherBot = OpenTicket(Guid.NewGuid());
        var spec = new OpenTicketsOfBotSpec(botId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(spec.IsSatisfiedBy(open), Is.True);
            Assert.That(spec.IsSatisfiedBy(resolved), Is.False);
            Assert.That(spec.IsSatisfiedBy(otherBot), Is.False);
        }
    }

    private static Ticket OpenTicket(Guid botId) =>
        Ticket.Open(botId, Guid.NewGuid(), 1, TicketTrigger.UserRequest, TicketContact.Unknown, null, null, [], Moments.Now);
}
