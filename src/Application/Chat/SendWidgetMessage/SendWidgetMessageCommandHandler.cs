using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.Pipeline;
using Chat9.Application.Widget.Common;
using Chat9.Domain.Sessions;
using Mediator;

namespace Chat9.Application.Chat.SendWidgetMessage;

public sealed class SendWidgetMessageCommandHandler(WidgetBots widgetBots, ChatTurnRunner runner)
    : IStreamCommandHandler<SendWidgetMessageCommand, ChatEvent>
{
    public async IAsyncEnumerable<ChatEvent> Handle(SendWidgetMessageCommand command, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bot = await widgetBots.ResolveAsync(command.PublicBotId, command.Origin, cancellationToken);
        var turn = new TurnRequest(bot.Id, SessionIds.ParseOptional(command.SessionId), command.Message, SessionChannel.Widget, GreetingAllowed: true, command.LanguageHint, Bot: bot);
        await foreach (var chatEvent in runner.RunAsync(turn, cancellationToken))
        {
            yield return chatEvent;
        }
    }
}
