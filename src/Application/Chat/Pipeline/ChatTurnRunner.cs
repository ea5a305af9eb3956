using System.Runtime.CompilerServices;
using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Escalations.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Knowledge;
using Chat9.Domain.Knowledge.Specifications;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Chat9.Domain.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Chat.Pipeline;

/// <summary>
/// One chat turn from request to stored reply, shared by <c>POST /widget/chat</c> and <c>POST /chat</c>.
/// <list type="number">
/// <item>Up front, before anything is streamed: message checks, the session (new, unknown, ended), the session's turn
/// lease (turns of a session run one at a time; a turn waits up to 30 s, then <c>409 session_busy</c>), and the user's
/// message is stored. Failures here are exceptions, so the endpoint answers with problem+json.</item>
/// <item>Then <see cref="TurnAccepted"/>, <c>thinking</c>, and the <see cref="AnswerPipeline"/>'s stages and chunks.</item>
/// <item>At the end the reply is stored (or a ticket opened) and <see cref="TurnCompleted"/> is sent. A model failure
/// ends with <see cref="TurnFailed"/>; a failure or a client that went away stores the text sent so far as an
/// interrupted message. The user's message is never lost.</item>
/// </list>
/// </summary>
public sealed class ChatTurnRunner(
    IReadRepository<Bot> bots,
    IRepository<Session> sessions,
    IReadRepository<KnowledgeProfile> profiles,
    IUnitOfWork unitOfWork,
    ISessionTurnLocks turnLocks,
    SessionTurnGate turnGate,
    AnswerPipeline pipeline,
    TicketOpener tickets,
    IAnswerModel answerModel,
    ITokenCounter tokenCounter,
    TimeProvider clock,
    IOptions<LimitsOptions> options,
    IOptions<ModelOptions> models,
    ILogger<ChatTurnRunner> logger)
{
    public async IAsyncEnumerable<ChatEvent> RunAsync(TurnRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var bot = request.Bot ?? await bots.FirstOrDefaultAsync(new BotByIdSpec(request.BotId), cancellationToken)
            ?? throw new NotFoundException("bot_not_found", "No bot has this id.");

        // Order of widget-api.md: session checks, then message checks.
        var existing = request.SessionId is { } requested
            ? await sessions.FirstOrDefaultAsync(new SessionOfBotSpec(bot.Id, requested), cancellationToken)
                ?? throw new ConflictException("session_not_found", "No session with this id exists for this bot.")
            : null;
        if (existing is { ChatEnded: true })
        {
            throw new ConflictException("session_closed", "The chat has ended. Start a new chat.");
        }

        var question = VisitorText.Normalize(request.Message);
        var isGreeting = question.Length == 0;
        if (isGreeting && (!request.GreetingAllowed || (existing is not null && !await IsEmptyAsync(existing.Id, cancellationToken))))
        {
            throw new UnprocessableException("message_required", "The message is empty.");
        }

        if (!isGreeting)
        {
            question = VisitorText.EnsureWithinLimit(question, limits.MessageMaxChars);
        }

        // The question is stored in the commit that takes the turn lease: a new session is inserted already holding it,
        // an existing one takes it in the transaction that stores the question.
        var leaseId = Guid.NewGuid();
        var leaseDuration = TimeSpan.FromSeconds(models.Value.AnswerTimeoutSeconds + limits.TurnLeaseMarginSeconds);
        var created = existing is null ? Session.Start(bot.Id, request.Channel, user: null, hints: null, clock.GetUtcNow()) : null;
        var sessionId = created?.Id ?? existing!.Id;
        Session session = null!;
        List<Message> history = null!;
        Guid? userMessageId = null;
        if (created is not null)
        {
            sessions.Add(created);
            turnLocks.HoldNewSession(created, leaseId, clock.GetUtcNow(), leaseDuration);
        }
        else
        {
            await turnGate.AcquireAsync(bot.Id, sessionId, leaseId, leaseDuration, StoreQuestionAsync, cancellationToken);
        }

        var state = new TurnState();
        try
        {
            if (created is not null)
            {
                await StoreQuestionAsync(cancellationToken);
            }

            state.Session = session;

            // pipeline.md "Language": token locale → hints locale → request locale / browser → Accept-Language.
            var languageHint = ConversationLanguages.HintFor(session, request.LanguageHint);
            state.Language = session.Language ?? languageHint ?? "en";

            yield return new TurnAccepted(session.Id, Replayed: false, userMessageId);
            yield return new StageReached(ChatStage.Thinking);

            // Not a check, so it waits until `thinking` is on its way.
            var profile = await profiles.FirstOrDefaultAsync(new KnowledgeProfileOfBotSpec(bot.Id), cancellationToken);
            var turn = new TurnContext(bot, profile, session, history, question, isGreeting, languageHint, DryRun: false);

            await using var steps = pipeline.RunAsync(turn, cancellationToken).GetAsyncEnumerator(cancellationToken);
            PipelineResult? result = null;
            while (result is null)
            {
                var (step, failure) = await NextAsync(steps, state, cancellationToken);
                if (failure is not null)
                {
                    await StoreInterruptedAsync(session, state, failure.Failure.ToString());
                    state.Finished = true;
                    yield return failure;
                    yield break;
                }

                switch (step)
                {
                    case null:
                        throw new InvalidOperationException("The answer pipeline ended without a result.");
                    case PipelineStage stage:
                        yield return new StageReached(stage.Stage);
                        break;
                    case PipelineChunk chunk:
                        state.Sent += chunk.Text;
                        yield return new AnswerChunk(chunk.Text);
                        break;
                    case PipelineFinished finished:
                        result = finished.Result;
                        break;
                    case PipelineRetrieved:
                        break;
                }
            }

            state.Language = result.Language;
            turnLocks.ReleaseWithNextSave(session);
            if (result.Escalation is { } escalation)
            {
                var opened = await tickets.OpenAsync(
                    bot.Id, session.Id, escalation.Trigger, escalation.Email, userNote: null,
                    ticket => Reply(result, TicketConfirmation.Text(ticket, result.Language), Diagnostics(result)),
                    CancellationToken.None);
                state.Finished = true;
                state.LeaseReleased = true;
                yield return new StageReached(ChatStage.Writing);
                foreach (var piece in TextPieces.Split(opened.Message.Content))
                {
                    yield return new AnswerChunk(piece);
                }

                yield return new TurnCompleted(Result(session.Id, opened.Message, chatEnded: true, opened.Ticket.TicketNumber));
                yield break;
            }

            var (message, storeFailure) = await TryStoreReplyAsync(session, result, state);
            state.Finished = true;
            if (storeFailure is not null)
            {
                // The stream has begun: the failure is its error frame, never a cut connection.
                yield return storeFailure;
                yield break;
            }

            state.LeaseReleased = true;
            yield return new TurnCompleted(Result(session.Id, message!, chatEnded: false, ticketNumber: null));
        }
        finally
        {
            if (!state.Finished && state.Session is { } unfinished)
            {
                // The client went away (or the enumeration was abandoned): keep what it was sent.
                await StoreInterruptedAsync(unfinished, state, "client_disconnected");
            }

            if (!state.LeaseReleased)
            {
                await turnGate.ReleaseQuietlyAsync(sessionId, leaseId);
            }
        }

        async Task StoreQuestionAsync(CancellationToken ct)
        {
            if (created is null)
            {
                // Runs inside the lease's transaction, which may be retried: start from fresh reads.
                unitOfWork.DiscardChanges();
            }

            session = created ?? await OpenSessionAsync(bot.Id, sessionId, isGreeting, ct);
            history = session.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList();
            userMessageId = null;
            if (!isGreeting && history.LastOrDefault() is { Role: MessageRole.User } unanswered && unanswered.Id == request.ReuseUserMessageId)
            {
                // An idempotent retry of a turn that failed: its question is already stored.
                history.RemoveAt(history.Count - 1);
                userMessageId = unanswered.Id;
            }
            else if (!isGreeting)
            {
                userMessageId = session.PostUserMessage(question, clock.GetUtcNow()).Id;
            }

            if (created is not null || userMessageId is not null)
            {
                await unitOfWork.SaveChangesAsync(ct);
            }
        }

        async Task<Session> OpenSessionAsync(Guid botId, Guid id, bool greeting, CancellationToken ct)
        {
            var session = await sessions.FirstOrDefaultAsync(new SessionWithMessagesForUpdateSpec(botId, id), ct)
                ?? throw new ConflictException("session_not_found", "No session with this id exists for this bot.");
            if (session.ChatEnded)
            {
                throw new ConflictException("session_closed", "The chat has ended. Start a new chat.");
            }

            if (greeting && !session.IsEmpty)
            {
                throw new UnprocessableException("message_required", "The message is empty.");
            }

            return session;
        }
    }

    /// <summary>The next pipeline step, or the failure frame a model or unexpected error turns into.</summary>
    private async Task<(PipelineStep? Step, TurnFailed? Failure)> NextAsync(
        IAsyncEnumerator<PipelineStep> steps, TurnState state, CancellationToken cancellationToken)
    {
        try
        {
            return (await steps.MoveNextAsync() ? steps.Current : null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ModelContentRejectedException ex)
        {
            logger.LogWarning("The model provider rejected the content of a turn: {Reason}", ex.Message);
            return (null, new TurnFailed(TurnFailure.ContentRejected, CannedTexts.Get(CannedText.ErrorRejected, state.Language)));
        }
        catch (ModelUnavailableException ex)
        {
            logger.LogWarning("The answer model is unavailable: {Reason}", ex.Message);
            return (null, new TurnFailed(TurnFailure.ModelUnavailable, CannedTexts.Get(CannedText.ErrorUnavailable, state.Language), ex.RetryAfter));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A chat turn failed after its stream began.");
            return (null, new TurnFailed(TurnFailure.Internal, CannedTexts.Get(CannedText.ErrorInternal, state.Language)));
        }
    }

    private Task<bool> IsEmptyAsync(Guid sessionId, CancellationToken cancellationToken) =>
        sessions.AnyAsync(new SessionWithoutMessagesSpec(sessionId), cancellationToken);

    private async Task<Message> StoreReplyAsync(Session session, PipelineResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (result.LanguageDetected)
        {
            session.LockLanguage(result.Language);
        }

        var message = session.PostAssistantMessage(Reply(result, result.Text, Diagnostics(result)), now);
        if (result.AwaitContact is { } trigger)
        {
            session.AwaitContact(trigger);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return message;
    }

    /// <summary>
    /// Stores the reply; when the database refuses (busy past its timeout, unreachable), the turn fails with a 500
    /// error frame instead. Its pending changes are dropped so that no later save of this scope stores the reply as if
    /// it had been delivered; the user's message stays stored and the lease is released by the caller (or expires).
    /// </summary>
    private async Task<(Message? Message, TurnFailed? Failure)> TryStoreReplyAsync(Session session, PipelineResult result, TurnState state)
    {
        try
        {
            return (await StoreReplyAsync(session, result, CancellationToken.None), null);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not store the reply of session {SessionId}.", session.Id);
            unitOfWork.DiscardChanges();
            return (null, new TurnFailed(TurnFailure.Internal, CannedTexts.Get(CannedText.ErrorInternal, state.Language)));
        }
    }

    private async Task StoreInterruptedAsync(Session session, TurnState state, string reason)
    {
        if (state.Sent.Length == 0)
        {
            return;
        }

        try
        {
            // The provider's usage of a cut call never arrives: count what was generated with the tokenizer.
            ModelCall[] calls = answerModel.IsConfigured
                ? [new ModelCall(answerModel.ModelName ?? "answer", "answer", 0, tokenCounter.CountTokens(state.Sent))]
                : [];
            var diagnostics = new TurnDiagnostics(
                "interrupted: " + reason, state.Language, new Dictionary<string, double>(), null, null, [], null, calls, new Dictionary<string, int>());
            session.PostAssistantMessage(
                new AssistantReply(state.Sent, MessageOutcome.Answer, null, [], [], diagnostics.TokensUsed, Interrupted: true, diagnostics), clock.GetUtcNow());
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not store the interrupted answer of session {SessionId}.", session.Id);
        }
        finally
        {
            state.Sent = string.Empty;
        }
    }

    private static AssistantReply Reply(PipelineResult result, string text, TurnDiagnostics diagnostics) =>
        new(text, result.Outcome, result.Confidence, result.Sources, result.SourceDocumentIds, result.TokensUsed, Interrupted: false, diagnostics);

    /// <summary>What is stored with the assistant message for chat logs and debugging.</summary>
    public static TurnDiagnostics Diagnostics(PipelineResult result) => new(
        result.Answer.Answerer,
        result.Language,
        result.TimingsMs.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!.Value),
        result.Retrieval?.Mode.ToString().ToLowerInvariant(),
        result.Retrieval?.Confidence,
        [.. (result.Retrieval?.Chunks ?? []).Select(c => new RetrievalSignal(
            c.ChunkId, c.Chunk.DocumentId, c.Rank, c.LexicalScore, c.VectorScore, Math.Round(c.FusedScore, 6), c.InContext))],
        result.Guard.Verdict,
        [.. result.ModelCalls.Select(c => new ModelCall(c.Model, c.Purpose, c.PromptTokens, c.CompletionTokens))],
        result.Redactions);

    private static TurnResult Result(Guid sessionId, Message message, bool chatEnded, string? ticketNumber) => new(
        message.Content, sessionId, message.Id, chatEnded, ticketNumber, message.Sources, message.SourceDocumentIds, message.TokensUsed);

    private sealed class TurnState
    {
        public Session? Session { get; set; }

        public string Language { get; set; } = "en";

        /// <summary>The answer text the client has been sent so far (stored as interrupted if the turn does not finish).</summary>
        public string Sent { get; set; } = string.Empty;

        public bool Finished { get; set; }

        /// <summary>The lease went out with the reply's commit; nothing left to release.</summary>
        public bool LeaseReleased { get; set; }
    }
}

/// <summary>One visitor message for <see cref="ChatTurnRunner"/>.</summary>
/// <param name="GreetingAllowed">The widget may ask for the greeting with an empty message; the management API may not.</param>
/// <param name="LanguageHint">The supported language from the request's hints (locale, browser, Accept-Language), if any.</param>
/// <param name="ReuseUserMessageId">An idempotent retry: the user message the failed attempt stored, used instead of a new one.</param>
/// <param name="Bot">The bot when the caller has already loaded it (the widget resolves it by public id).</param>
public sealed record TurnRequest(
    Guid BotId,
    Guid? SessionId,
    string? Message,
    SessionChannel Channel,
    bool GreetingAllowed,
    string? LanguageHint,
    Guid? ReuseUserMessageId = null,
    Bot? Bot = null);
