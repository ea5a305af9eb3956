using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.Pipeline;
using Chat9.Domain.Sessions;
using Mediator;

namespace Chat9.Application.Chat.AskQuestion;

public sealed class AskQuestionCommandHandler(ChatTurnRunner runner) : IStreamCommandHandler<AskQuestionCommand, ChatEvent>
{
    public IAsyncEnumerable<ChatEvent> Handle(AskQuestionCommand command, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new TurnRequest(command.BotId, command.SessionId, command.Question ?? string.Empty, SessionChannel.Api, GreetingAllowed: false, command.LanguageHint),
            cancellationToken);
}
