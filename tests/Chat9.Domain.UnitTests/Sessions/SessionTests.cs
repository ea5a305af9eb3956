using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Events;
using Chat9.Domain.UnitTests.Common;
using static Chat9.Domain.UnitTests.Common.Moments;

namespace Chat9.Domain.UnitTests.Sessions;

public sealed class SessionTests
{
    private static readonly Guid BotId = Guid.NewGuid();

    private static Session NewSession(SessionUser? user = null)
    {
        var session = Session.Start(BotId, SessionChannel.Widget, user, null, Now);
        session.ClearDomainEvents();
        return session;
    }

    private static AssistantReply Reply(
        string text = "Here is how.",
        bool interrupted = false,
        IReadOnlyList<SourceReference>? sources = null,
        IReadOnlyList<Guid>? documentIds = null,
        double? confidence = 0.8,
        int tokens = 42) =>
        new(text, MessageOutcome.Answer, confidence, sources ?? [], documentIds ?? [], tokens, interrupted);

    // ---- Start ------------------------------------------------------------------------------------------------

    [Test]
    public void Start_WhenNoUser_IsAnonymous()
    {
        var hints = new UserHints("u-1", "ana@example.com", "Ana", "pro", "en");
        var session = Session.Start(BotId, SessionChannel.Widget, null, hints, Now);

        var started = DomainAssert.Raised<SessionStarted>(session);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.Mode, Is.EqualTo(SessionMode.Anonymous));
            Assert.That(session.User, Is.Null);
            Assert.That(session.Hints, Is.EqualTo(hints));
            Assert.That(session.BotId, Is.EqualTo(BotId));
            Assert.That(session.Channel, Is.EqualTo(SessionChannel.Widget));
            Assert.That(session.StartedAt, Is.EqualTo(Now));
            Assert.That(session.ChatEnded, Is.False);
            Assert.That(started.Identified, Is.False);
            Assert.That(started.SessionId, Is.EqualTo(session.Id));
        }
    }

    [Test]
    public void Start_WhenVerifiedUserGiven_IsIdentified()
    {
        var user = new SessionUser("u-1", "ana@example.com", "Ana", "pro", "en");
        var session = Session.Start(BotId, SessionChannel.Api, user, null, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.Mode, Is.EqualTo(SessionMode.Identified));
            Assert.That(session.User, Is.EqualTo(user));
            Assert.That(DomainAssert.Raised<SessionStarted>(session).Identified, Is.True);
        }
    }

    [Test]
    public void Start_WhenBotIdIsEmpty_Throws() =>
        DomainAssert.ThrowsValidation("bot_id", () => Session.Start(Guid.Empty, SessionChannel.Widget, null, null, Now));

    [Test]
    public void Start_WhenUserIdIsBlank_Throws() =>
        DomainAssert.ThrowsValidation("user_id",
            () => Session.Start(BotId, SessionChannel.Widget, new SessionUser("  ", null, null, null, null), null, Now));

    [Test]
    public void Identify_WhenAnonymous_BecomesIdentified()
    {
        var session = NewSession();

        session.Identify(new SessionUser("u-2", null, null, null, null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.Mode, Is.EqualTo(SessionMode.Identified));
            Assert.That(session.User!.UserId, Is.EqualTo("u-2"));
        }
    }

    // ---- User messages ----------------------------------------------------------------------------------------

    [Test]
    public void PostUserMessage_WhenOpen_StoresTrimmedUserTurnAndRaisesEvent()
    {
        var session = NewSession();
        var later = Now.AddMinutes(2);

        var message = session.PostUserMessage("  How do I export?  ", later);

        var posted = DomainAssert.Raised<UserMessagePosted>(session);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Content, Is.EqualTo("How do I export?"));
            Assert.That(message.Role, Is.EqualTo(MessageRole.User));
            Assert.That(message.SessionId, Is.EqualTo(session.Id));
            Assert.That(message.CreatedAt, Is.EqualTo(later));
            Assert.That(session.Messages, Is.EqualTo(new[] { message }));
            Assert.That(session.LastActivityAt, Is.EqualTo(later));
            Assert.That(posted.MessageId, Is.EqualTo(message.Id));
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\n\t")]
    public void PostUserMessage_WhenBlank_ThrowsValidationForMessage(string content)
    {
        var session = NewSession();

        DomainAssert.ThrowsValidation("message", () => session.PostUserMessage(content, Now));
        Assert.That(session.Messages, Is.Empty);
    }

    [Test]
    public void PostUserMessage_WhenChatEnded_ThrowsSessionClosed()
    {
        var session = NewSession();
        session.End("ESC-0001", Now.AddMinutes(1));

        DomainAssert.ThrowsCode("session_closed", () => session.PostUserMessage("Hello?", Now.AddMinutes(2)));
        Assert.That(session.Messages, Is.Empty);
    }

    // ---- Assistant messages -----------------------------------------------------------------------------------

    [Test]
    public void PostAssistantMessage_WhenOpen_StoresReplyAndRaisesEvent()
    {
        var session = NewSession();

        var message = session.PostAssistantMessage(Reply(), Now.AddSeconds(5));

        var posted = DomainAssert.Raised<AssistantMessagePosted>(session);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Role, Is.EqualTo(MessageRole.Assistant));
            Assert.That(message.Content, Is.EqualTo("Here is how."));
            Assert.That(message.Outcome, Is.EqualTo(MessageOutcome.Answer));
            Assert.That(message.Confidence, Is.EqualTo(0.8));
            Assert.That(message.TokensUsed, Is.EqualTo(42));
            Assert.That(message.Interrupted, Is.False);
            Assert.That(message.Feedback, Is.EqualTo(MessageFeedback.None));
            Assert.That(posted.Outcome, Is.EqualTo("Answer"));
            Assert.That(posted.MessageId, Is.EqualTo(message.Id));
        }
    }

    [Test]
    public void PostAssistantMessage_WhenChatEndedAndReplyComplete_ThrowsSessionClosed()
    {
        var session = NewSession();
        session.End(null, Now);

        DomainAssert.ThrowsCode("session_closed", () => session.PostAssistantMessage(Reply(), Now.AddSeconds(1)));
    }

    [Test]
    public void PostAssistantMessage_WhenChatEndedAndReplyInterrupted_IsStillStored()
    {
        var session = NewSession();
        session.End("ESC-0001", Now);

        var message = session.PostAssistantMessage(Reply(text: "Here is ho", interrupted: true), Now.AddSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Interrupted, Is.True);
            Assert.That(session.Messages, Does.Contain(message));
        }
    }

    [Test]
    public void PostAssistantMessage_WhenSourcesRepeatAUrl_KeepsFirstOfEachUrl()
    {
        var session = NewSession();
        var documentId = Guid.NewGuid();
        var sources = new[]
        {
            new SourceReference("Export", "https://docs.acme.test/export"),
            new SourceReference("Export (again)", "https://docs.acme.test/export"),
            new SourceReference("Import", "https://docs.acme.test/import"),
        };

        var message = session.PostAssistantMessage(Reply(sources: sources, documentIds: [documentId, documentId]), Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Sources, Is.EqualTo(new[] { sources[0], sources[2] }));
            Assert.That(message.SourceDocumentIds, Is.EqualTo(new[] { documentId }));
        }
    }

    [Test]
    public void PostAssistantMessage_WhenConfidenceOutsideZeroToOne_Throws() =>
        DomainAssert.ThrowsValidation("confidence", () => NewSession().PostAssistantMessage(Reply(confidence: 1.5), Now));

    [Test]
    public void PostAssistantMessage_WhenTokensNegative_Throws() =>
        DomainAssert.ThrowsValidation("tokens_used", () => NewSession().PostAssistantMessage(Reply(tokens: -1), Now));

    // ---- Feedback ---------------------------------------------------------------------------------------------

    [Test]
    public void Rate_WhenUserMessage_ThrowsNotAssistantMessage()
    {
        var message = NewSession().PostUserMessage("Hi", Now);

        DomainAssert.ThrowsCode("not_assistant_message", () => message.Rate(MessageFeedback.Up, null, Now));
        Assert.That(message.Feedback, Is.EqualTo(MessageFeedback.None));
    }

    [Test]
    public void Rate_WhenAssistantMessageRatedDownWithIdealAnswer_StoresTrimmedFeedback()
    {
        var message = NewSession().PostAssistantMessage(Reply(), Now);

        message.Rate(MessageFeedback.Down, "  Use the Export button.  ", Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Feedback, Is.EqualTo(MessageFeedback.Down));
            Assert.That(message.IdealAnswer, Is.EqualTo("Use the Export button."));
            Assert.That(message.FeedbackAt, Is.EqualTo(Now.AddHours(1)));
        }
    }

    [Test]
    public void Rate_WhenNoneWithoutIdealAnswer_ClearsFeedback()
    {
        var message = NewSession().PostAssistantMessage(Reply(), Now);
        message.Rate(MessageFeedback.Up, "Great", Now.AddHours(1));

        message.Rate(MessageFeedback.None, "   ", Now.AddHours(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Feedback, Is.EqualTo(MessageFeedback.None));
            Assert.That(message.IdealAnswer, Is.Null);
            Assert.That(message.FeedbackAt, Is.Null);
        }
    }

    [Test]
    public void Rate_WhenNoneWithIdealAnswer_KeepsFeedbackTimestamp()
    {
        var message = NewSession().PostAssistantMessage(Reply(), Now);

        message.Rate(MessageFeedback.None, "Better answer", Now.AddHours(1));

        Assert.That(message.FeedbackAt, Is.EqualTo(Now.AddHours(1)));
    }

    // ---- Language and end -------------------------------------------------------------------------------------

    [Test]
    public void LockLanguage_WhenCalledTwice_KeepsFirstLanguageLowercased()
    {
        var session = NewSession();

        session.LockLanguage(" EN ");
        session.LockLanguage("de");

        Assert.That(session.Language, Is.EqualTo("en"));
    }

    [Test]
    public void LockLanguage_WhenFirstLanguageIsBlank_Throws() =>
        DomainAssert.ThrowsValidation("language", () => NewSession().LockLanguage(" "));

    [Test]
    public void End_WhenOpen_ClosesChatAndRaisesChatEnded()
    {
        var session = NewSession();
        var later = Now.AddMinutes(3);

        session.End("ESC-0007", later);

        var ended = DomainAssert.Raised<ChatEnded>(session);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.ChatEnded, Is.True);
            Assert.That(session.EndedAt, Is.EqualTo(later));
            Assert.That(session.TicketNumber, Is.EqualTo("ESC-0007"));
            Assert.That(session.LastActivityAt, Is.EqualTo(later));
            Assert.That(ended.TicketNumber, Is.EqualTo("ESC-0007"));
        }
    }

    [Test]
    public void End_WhenAlreadyEnded_IsNoOp()
    {
        var session = NewSession();
        session.End("ESC-0007", Now);
        session.ClearDomainEvents();

        session.End("ESC-0008", Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.TicketNumber, Is.EqualTo("ESC-0007"));
            Assert.That(session.EndedAt, Is.EqualTo(Now));
            Assert.That(session.DomainEvents, Is.Empty);
        }
    }
}
