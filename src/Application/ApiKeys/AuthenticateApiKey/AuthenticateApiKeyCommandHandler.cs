using System.Security.Cryptography;
using Chat9.Domain.ApiKeys;
using Chat9.Domain.ApiKeys.Specifications;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.ApiKeys.AuthenticateApiKey;

public sealed class AuthenticateApiKeyCommandHandler(
    IRepository<ApiKey> apiKeys,
    IReadRepository<Bot> bots,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<AuthenticateApiKeyCommand, ApiKeyPrincipal?>
{
    public async ValueTask<ApiKeyPrincipal?> Handle(AuthenticateApiKeyCommand command, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.LooksLikeKey(command.PresentedKey))
        {
            return null;
        }

        var presentedHash = ApiKeySecret.Hash(command.PresentedKey!);
        var key = await apiKeys.FirstOrDefaultAsync(new ApiKeyByHashSpec(presentedHash), cancellationToken);
        var now = clock.GetUtcNow();

        // The index lookup finds the candidate; the constant-time comparison is what decides.
        if (key is null || !CryptographicOperations.FixedTimeEquals(key.Hash, presentedHash) || !key.IsUsableAt(now))
        {
            return null;
        }

        var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(key.BotId), cancellationToken);
        if (bot is null)
        {
            return null;
        }

        if (key.RecordUse(now))
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return new ApiKeyPrincipal(bot.Id, bot.PublicId, key.Id, bot.IsActive);
    }
}
