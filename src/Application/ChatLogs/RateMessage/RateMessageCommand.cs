using Mediator;

namespace Chat9.Application.ChatLogs.RateMessage;

/// <summary>
/// <c>POST /chat/messages/{message_id}/feedback</c>: thumbs up or down on an answer, with an ideal answer; <c>none</c>
/// clears. <c>down</c> feeds the bad-answers list (and later the Gap Analyzer); <c>up</c> later feeds FAQ candidates.
/// </summary>
/// <param name="Feedback"><c>up</c>, <c>down</c> or <c>none</c> as sent.</param>
public sealed record RateMessageCommand(Guid BotId, Guid MessageId, string? Feedback, string? IdealAnswer) : Mediator.ICommand<MessageFeedbackDto>;

public sealed record MessageFeedbackDto(Guid MessageId, Domain.Sessions.MessageFeedback Feedback, string? IdealAnswer, DateTimeOffset UpdatedAt);
