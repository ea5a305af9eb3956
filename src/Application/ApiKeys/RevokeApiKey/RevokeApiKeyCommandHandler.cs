using Chat9.Application.Common.Exceptions;
using Chat9.Domain.ApiKeys;
using Chat9.Domain.ApiKeys.Specifications;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.ApiKeys.RevokeApiKey;

public sealed class RevokeApiKeyCommandHandler(IRepository<ApiKey> apiKeys, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RevokeApiKeyCommand, RevokedApiKeyDto>
{
    public async ValueTask<RevokedApiKeyDto> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = await apiKeys.FirstOrDefaultAsync(new ApiKeyByIdSpec(command.KeyId), cancellationToken)
            ?? throw new NotFoundException("key_not_found", $"No API key has the id '{command.KeyId}'.");

        if (!command.Force && key.IsUsableAt(now))
        {
            var siblings = await apiKeys.ListAsync(new ApiKeysOfBotSpec(key.BotId), cancellationToken);
            if (!siblings.Any(k => k.Id != key.Id && k.IsUsableAt(now)))
            {
                throw new ConflictException("last_key", "This is the bot's last usable key; revoking it would lock the bot's management API. Use --force to revoke it anyway.");
            }
        }

        key.Revoke(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new RevokedApiKeyDto(key.Id, key.Status, key.RevokedAt);
    }
}
