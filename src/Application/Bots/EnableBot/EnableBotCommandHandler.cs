using Chat9.Application.Bots.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.Bots.EnableBot;

public sealed class EnableBotCommandHandler(IRepository<Bot> bots, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<EnableBotCommand, BotStatusDto>
{
    public async ValueTask<BotStatusDto> Handle(EnableBotCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByPublicIdAsync(command.PublicId, cancellationToken);
        bot.Enable(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new BotStatusDto(bot.PublicId, bot.Status);
    }
}
