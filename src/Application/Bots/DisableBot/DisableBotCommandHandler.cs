using Chat9.Application.Bots.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.Bots.DisableBot;

public sealed class DisableBotCommandHandler(IRepository<Bot> bots, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<DisableBotCommand, BotStatusDto>
{
    public async ValueTask<BotStatusDto> Handle(DisableBotCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByPublicIdAsync(command.PublicId, cancellationToken);
        bot.Disable(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new BotStatusDto(bot.PublicId, bot.Status);
    }
}
