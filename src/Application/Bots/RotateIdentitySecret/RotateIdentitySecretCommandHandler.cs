using Chat9.Application.Bots.Common;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Bots.RotateIdentitySecret;

public sealed class RotateIdentitySecretCommandHandler(
    IRepository<Bot> bots,
    ISecretProtector secretProtector,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<LimitsOptions> limits) : ICommandHandler<RotateIdentitySecretCommand, RotatedIdentitySecretDto>
{
    public async ValueTask<RotatedIdentitySecretDto> Handle(RotateIdentitySecretCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByPublicIdAsync(command.PublicId, cancellationToken);
        var secret = BotSecret.New();
        bot.RotateIdentitySecret(secretProtector.Protect(secret), clock.GetUtcNow(), TimeSpan.FromMinutes(limits.Value.IdentitySecretGraceMinutes));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new RotatedIdentitySecretDto(bot.PublicId, secret, bot.IdentitySecret!.PreviousValidUntil);
    }
}
