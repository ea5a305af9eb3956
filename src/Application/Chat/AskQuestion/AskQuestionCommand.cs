using Chat9.Application.Chat.Common;
using Mediator;

namespace Chat9.Application.Chat.AskQuestion;

/// <summary>
/// <c>POST /chat</c>: one question from a headless client on the <c>api</c> channel; a new anonymous session when
/// <see cref="SessionId"/> is null. There is no greeting turn. The events are the same as the widget's; the endpoint
/// streams them or folds them into one JSON answer.
/// </summary>
/// <param name="IdempotencyKey">The request's <c>Idempotency-Key</c> (already checked for its format), or null.</param>
public sealed record AskQuestionCommand(Guid BotId, string? Question, Guid? SessionId, string? LanguageHint, string? IdempotencyKey = null)
    : IStreamCommand<ChatEvent>;
