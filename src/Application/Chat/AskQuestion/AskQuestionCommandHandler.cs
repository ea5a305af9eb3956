using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.Pipeline;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Sessions;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Chat.AskQuestion;

/// <summary>
/// Runs the turn; with an <c>Idempotency-Key</c>, first claims the key (management-api.md "Idempotency"): a success is
/// replayed (thinking, the whole text as one chunk, the stored done), a request still running is
/// <c>409 idempotency_in_flight</c>, another body under the same key is <c>422 idempotency_key_reused</c>, and after a
/// failure the request runs again in the same session without storing the question twice.
/// </summary>
public sealed class AskQuestionCommandHandler(
    ChatTurnRunner runner,
    IIdempotencyStore idempotency,
    TimeProvider clock,
    IOptions<LimitsOptions> limits,
    IOptions<ModelOptions> models) : IStreamCommandHandler<AskQuestionCommand, ChatEvent>
{
    public const string Endpoint = "POST /chat";

    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    public async IAsyncEnumerable<ChatEvent> Handle(AskQuestionCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var turn = new TurnRequest(command.BotId, command.SessionId, command.Question ?? string.Empty, SessionChannel.Api, GreetingAllowed: false, command.LanguageHint);
        if (command.IdempotencyKey is not { } key)
        {
            await foreach (var chatEvent in runner.RunAsync(turn, cancellationToken))
            {
                yield return chatEvent;
            }

            yield break;
        }

        var claim = await idempotency.ClaimAsync(
            command.BotId, Endpoint, key, RequestHash(command), clock.GetUtcNow(),
            TimeSpan.FromHours(limits.Value.IdempotencyHours),
            TimeSpan.FromSeconds(models.Value.AnswerTimeoutSeconds + limits.Value.SessionTurnWaitSeconds + 60),
            cancellationToken);
        switch (claim.Kind)
        {
            case IdempotencyClaimKind.KeyReused:
                throw new UnprocessableException("idempotency_key_reused", "This Idempotency-Key was used for a different request.");
            case IdempotencyClaimKind.InFlight:
                throw new ConflictException("idempotency_in_flight", "A request with this Idempotency-Key is still running.");
            case IdempotencyClaimKind.Replay:
                var stored = JsonSerializer.Deserialize<TurnResult>(claim.Response!, StoredJson)!;
                yield return new TurnAccepted(stored.SessionId, Replayed: true);
                yield return new StageReached(ChatStage.Thinking);
                yield return new AnswerChunk(stored.Text);
                yield return new TurnCompleted(stored);
                yield break;
        }

        turn = turn with { SessionId = command.SessionId ?? claim.SessionId, ReuseUserMessageId = claim.UserMessageId };
        var outcome = new Outcome();
        await using var events = runner.RunAsync(turn, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await events.MoveNextAsync())
            {
                switch (events.Current)
                {
                    case TurnAccepted accepted:
                        outcome.SessionId = accepted.SessionId;
                        outcome.UserMessageId = accepted.UserMessageId;
                        break;
                    case TurnCompleted completed:
                        outcome.Succeeded = true;
                        await idempotency.SucceedAsync(command.BotId, Endpoint, key, JsonSerializer.Serialize(completed.Result, StoredJson), CancellationToken.None);
                        break;
                }

                yield return events.Current;
            }
        }
        finally
        {
            if (!outcome.Succeeded)
            {
                await idempotency.FailAsync(command.BotId, Endpoint, key, outcome.SessionId, outcome.UserMessageId, CancellationToken.None);
            }
        }
    }

    /// <summary>What makes two requests "the same": the question and the session, as sent.</summary>
    private static string RequestHash(AskQuestionCommand command) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { command.Question, command.SessionId }))));

    private sealed class Outcome
    {
        public Guid? SessionId { get; set; }

        public Guid? UserMessageId { get; set; }

        public bool Succeeded { get; set; }
    }
}
