using Chat9.Domain.Tickets;
using Chat9.Domain.Tickets.Events;
using Chat9.Domain.UnitTests.Common;
using static Chat9.Domain.UnitTests.Common.Moments;

namespace Chat9.Domain.UnitTests.Tickets;

public sealed class TicketTests
{
    private static readonly Guid BotId = Guid.NewGuid();
    private static readonly Guid SessionId = Guid.NewGuid();

    private static Ticket OpenTicket(
        TicketTrigger trigger = TicketTrigger.UserRequest,
        TicketContact? contact = null,
        string? userNote = null,
        int number = 7)
    {
        var ticket = Ticket.Open(BotId, SessionId, number, trigger, contact ?? TicketContact.Unknown, userNote, "How do I export?",
            [new TranscriptLine("user", "How do I export?", Now)], Now);
        ticket.ClearDomainEvents();
        return ticket;
    }

    // ---- Numbers ----------------------------------------------------------------------------------------------

    [TestCase(1, "ESC-0001")]
    [TestCase(7, "ESC-0007")]
    [TestCase(9999, "ESC-9999")]
    [TestCase(10000, "ESC-10000")]
    public void Format_WhenGivenNumber_ZeroPadsToFourDigits(int number, string expected) =>
        Assert.That(Ticket.Format(number), Is.EqualTo(expected));

    [TestCase("ESC-0001", 1)]
    [TestCase("ESC-0007", 7)]
    [TestCase("ESC-10000", 10000)]
    public void TryParseNumber_WhenCanonical_ReturnsNumber(string value, int expected)
    {
        var parsed = Ticket.TryParseNumber(value, out var number);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(number, Is.EqualTo(expected));
        }
    }

    [TestCase("ESC-7")]
    [TestCase("esc-0007")]
    [TestCase("ESC-0000")]
    [TestCase("ESC-00a1")]
    [TestCase("ESC-00010")]
    [TestCase("ESC-+007")]
    [TestCase("ESC--007")]
    [TestCase("ESC- 007")]
    [TestCase("ESC-0007 ")]
    [TestCase("XESC-0007")]
    [TestCase("ESC-99999999999")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParseNumber_WhenNotCanonical_ReturnsFalse(string? value) =>
        Assert.That(Ticket.TryParseNumber(value, out _), Is.False);

    // ---- Priority ---------------------------------------------------------------------------------------------

    [TestCase(TicketTrigger.UserRequest, TicketPriority.High)]
    [TestCase(TicketTrigger.AnswerRejected, TicketPriority.Medium)]
    [TestCase(TicketTrigger.LowConfidence, TicketPriority.Medium)]
    [TestCase(TicketTrigger.NoDocuments, TicketPriority.Medium)]
    public void PriorityFor_WhenNoPlanTier_FollowsTriggerTable(TicketTrigger trigger, TicketPriority expected) =>
        Assert.That(TicketPriorityRules.For(trigger, null), Is.EqualTo(expected));

    [TestCase(TicketTrigger.UserRequest, "pro", TicketPriority.Critical)]
    [TestCase(TicketTrigger.UserRequest, "Enterprise", TicketPriority.Critical)]
    [TestCase(TicketTrigger.AnswerRejected, "PRO", TicketPriority.High)]
    [TestCase(TicketTrigger.LowConfidence, "enterprise", TicketPriority.High)]
    [TestCase(TicketTrigger.NoDocuments, "pro", TicketPriority.High)]
    public void PriorityFor_WhenPremiumPlanTier_RaisesOneLevel(TicketTrigger trigger, string planTier, TicketPriority expected) =>
        Assert.That(TicketPriorityRules.For(trigger, planTier), Is.EqualTo(expected));

    [TestCase("free")]
    [TestCase("")]
    [TestCase("professional")]
    [TestCase(" pro")]
    public void PriorityFor_WhenOtherPlanTier_DoesNotRaise(string planTier) =>
        Assert.That(TicketPriorityRules.For(TicketTrigger.UserRequest, planTier), Is.EqualTo(TicketPriority.High));

    [Test]
    public void Open_WhenVerifiedProUserRequests_IsCritical()
    {
        var contact = new TicketContact("u-1", "ana@example.com", "Ana", "pro", Verified: true);

        Assert.That(OpenTicket(TicketTrigger.UserRequest, contact).Priority, Is.EqualTo(TicketPriority.Critical));
    }

    [Test]
    public void Open_WhenVerifiedEnterpriseLowConfidence_IsHigh()
    {
        var contact = new TicketContact("u-1", null, null, "Enterprise", Verified: true);

        Assert.That(OpenTicket(TicketTrigger.LowConfidence, contact).Priority, Is.EqualTo(TicketPriority.High));
    }

    [Test]
    public void Open_WhenPlanTierIsUnverified_DoesNotRaisePriority()
    {
        var contact = new TicketContact(null, "ana@example.com", "Ana", "pro", Verified: false);

        Assert.That(OpenTicket(TicketTrigger.UserRequest, contact).Priority, Is.EqualTo(TicketPriority.High));
    }

    // ---- Open -------------------------------------------------------------------------------------------------

    [Test]
    public void Open_WhenValid_IsOpenAndRaisesTicketOpened()
    {
        var ticket = Ticket.Open(BotId, SessionId, 7, TicketTrigger.UserRequest, TicketContact.Unknown, "  Please call me  ",
            "How do I export?", [new TranscriptLine("user", "How do I export?", Now)], Now);

        var opened = DomainAssert.Raised<TicketOpened>(ticket);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Open));
            Assert.That(ticket.Number, Is.EqualTo(7));
            Assert.That(ticket.TicketNumber, Is.EqualTo("ESC-0007"));
            Assert.That(ticket.UserNote, Is.EqualTo("Please call me"));
            Assert.That(ticket.PrimaryQuestion, Is.EqualTo("How do I export?"));
            Assert.That(ticket.TranscriptExcerpt, Has.Count.EqualTo(1));
            Assert.That(ticket.ResolvedAt, Is.Null);
            Assert.That(opened.TicketNumber, Is.EqualTo("ESC-0007"));
            Assert.That(opened.SessionId, Is.EqualTo(SessionId));
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Open_WhenNumberBelowOne_ThrowsValidationForNumber(int number) =>
        DomainAssert.ThrowsValidation("number", () => OpenTicket(number: number));

    [Test]
    public void Open_WhenContactEmailIsMalformed_ThrowsValidationForEmail() =>
        DomainAssert.ThrowsValidation("email", () => OpenTicket(contact: new TicketContact(null, "nope", null, null, false)));

    [Test]
    public void Open_WhenSessionIdIsEmpty_Throws() =>
        DomainAssert.ThrowsValidation("session_id",
            () => Ticket.Open(BotId, Guid.Empty, 1, TicketTrigger.UserRequest, TicketContact.Unknown, null, null, [], Now));

    // ---- Status -----------------------------------------------------------------------------------------------

    [Test]
    public void ChangeStatus_WhenOpenToInProgressToResolved_FollowsTheFlow()
    {
        var ticket = OpenTicket();

        ticket.ChangeStatus(TicketStatus.InProgress, null, Now.AddHours(1));
        var afterFirst = ticket.Status;
        ticket.ChangeStatus(TicketStatus.Resolved, "  Sent the export guide.  ", Now.AddHours(2));

        var updates = ticket.DomainEvents.OfType<TicketUpdated>().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterFirst, Is.EqualTo(TicketStatus.InProgress));
            Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Resolved));
            Assert.That(ticket.ResolutionText, Is.EqualTo("Sent the export guide."));
            Assert.That(ticket.ResolvedAt, Is.EqualTo(Now.AddHours(2)));
            Assert.That(ticket.UpdatedAt, Is.EqualTo(Now.AddHours(2)));
            Assert.That(updates, Has.Count.EqualTo(2));
            Assert.That(updates.Select(u => u.ChangedFields.Single()), Is.All.EqualTo("status"));
        }
    }

    [Test]
    public void ChangeStatus_WhenOpenToResolvedDirectly_IsAllowed()
    {
        var ticket = OpenTicket();

        ticket.ChangeStatus(TicketStatus.Resolved, "Done", Now.AddHours(1));

        Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Resolved));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void ChangeStatus_WhenResolvingWithoutText_ThrowsValidationAndStaysOpen(string? text)
    {
        var ticket = OpenTicket();

        DomainAssert.ThrowsValidation("resolution_text", () => ticket.ChangeStatus(TicketStatus.Resolved, text, Now));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Open));
            Assert.That(ticket.ResolvedAt, Is.Null);
            Assert.That(ticket.DomainEvents, Is.Empty);
        }
    }

    [TestCase(TicketStatus.InProgress)]
    [TestCase(TicketStatus.Open)]
    public void ChangeStatus_WhenResolved_ThrowsInvalidTransition(TicketStatus target)
    {
        var ticket = OpenTicket();
        ticket.ChangeStatus(TicketStatus.Resolved, "Done", Now);

        DomainAssert.ThrowsCode("invalid_transition", () => ticket.ChangeStatus(target, null, Now.AddHours(1)));
        Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Resolved));
    }

    [Test]
    public void ChangeStatus_WhenInProgressBackToOpen_ThrowsInvalidTransition()
    {
        var ticket = OpenTicket();
        ticket.ChangeStatus(TicketStatus.InProgress, null, Now);

        DomainAssert.ThrowsCode("invalid_transition", () => ticket.ChangeStatus(TicketStatus.Open, null, Now.AddHours(1)));
    }

    [TestCase(TicketStatus.Open)]
    [TestCase(TicketStatus.InProgress)]
    [TestCase(TicketStatus.Resolved)]
    public void ChangeStatus_WhenTargetIsCurrentStatus_IsNoOpWithoutEvent(TicketStatus status)
    {
        var ticket = OpenTicket();
        if (status != TicketStatus.Open)
        {
            ticket.ChangeStatus(status, "Done", Now);
        }

        ticket.ClearDomainEvents();
        var updatedAt = ticket.UpdatedAt;

        ticket.ChangeStatus(status, "Other text", Now.AddDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.Status, Is.EqualTo(status));
            Assert.That(ticket.UpdatedAt, Is.EqualTo(updatedAt));
            Assert.That(ticket.DomainEvents, Is.Empty);
            Assert.That(ticket.ResolutionText, Is.Not.EqualTo("Other text"));
        }
    }

    // ---- Repeated escalation ----------------------------------------------------------------------------------

    [Test]
    public void FillMissingDetails_WhenNoteAndEmailAbsent_FillsBothInOneUpdate()
    {
        var ticket = OpenTicket();

        ticket.FillMissingDetails("  Urgent  ", " ana@example.com ", Now.AddHours(1));

        var updated = DomainAssert.Raised<TicketUpdated>(ticket);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.UserNote, Is.EqualTo("Urgent"));
            Assert.That(ticket.Contact.Email, Is.EqualTo("ana@example.com"));
            Assert.That(ticket.UpdatedAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(updated.ChangedFields, Is.EqualTo(new[] { "user_note", "email" }));
        }
    }

    [Test]
    public void FillMissingDetails_WhenNoteAndEmailPresent_ChangesNothing()
    {
        var ticket = OpenTicket(contact: new TicketContact(null, "first@example.com", null, null, false), userNote: "First note");

        ticket.FillMissingDetails("Second note", "second@example.com", Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.UserNote, Is.EqualTo("First note"));
            Assert.That(ticket.Contact.Email, Is.EqualTo("first@example.com"));
            Assert.That(ticket.UpdatedAt, Is.EqualTo(Now));
            Assert.That(ticket.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void FillMissingDetails_WhenOnlyEmailAbsent_FillsOnlyEmail()
    {
        var ticket = OpenTicket(userNote: "First note");

        ticket.FillMissingDetails("Second note", "ana@example.com", Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.UserNote, Is.EqualTo("First note"));
            Assert.That(ticket.Contact.Email, Is.EqualTo("ana@example.com"));
            Assert.That(DomainAssert.Raised<TicketUpdated>(ticket).ChangedFields, Is.EqualTo(new[] { "email" }));
        }
    }

    [Test]
    public void FillMissingDetails_WhenInputsAreBlank_ChangesNothing()
    {
        var ticket = OpenTicket();

        ticket.FillMissingDetails("  ", null, Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.UserNote, Is.Null);
            Assert.That(ticket.Contact.Email, Is.Null);
            Assert.That(ticket.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void FillMissingDetails_WhenEmailIsMalformed_ThrowsValidationForEmail() =>
        DomainAssert.ThrowsValidation("email", () => OpenTicket().FillMissingDetails(null, "nope", Now));
}
