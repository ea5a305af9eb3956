using Chat9.Application.Bots.Common;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Options;
using Chat9.Domain.ApiKeys;
using Chat9.Domain.ApiKeys.Specifications;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.ApiKeys.RotateApiKey;

public sealed class RotateApiKeyCommandHandler(
    IReadRepository<Bot> bots,
    IRepository<ApiKey> apiKeys,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<LimitsOptions> limits) : ICommandHandler<RotateApiKeyCommand, RotatedApiKeyDto>
{
    public async ValueTask<RotatedApiKeyDto> Handle(RotateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var bot = await bots.GetByPublicIdAsync(command.BotPublicId, cancellationToken);
        var active = (await apiKeys.ListAsync(new ApiKeysOfBotSpec(bot.Id), cancellationToken))
            .Where(k => k.StatusAt(now) == ApiKeyStatus.Active)
            .ToList();

        ApiKey old;
        if (command.KeyId is { } keyId)
        {
            old = active.FirstOrDefault(k => k.Id == keyId)
                ?? throw new NotFoundException("key_not_found", $"The bot has no active key with the id '{keyId}'.");
        }
        else
        {
            old = active.Count switch
            {
                0 => throw new ConflictException("no_active_key", "The bot has no active key to rotate; use 'keys create'."),
                1 => active[0],
                _ => throw new ValidationException("key", "The bot has several active keys; name the one to rotate with --key."),
            };
        }

        if (command.Immediate)
        {
            old.Revoke(now);
        }
        else
        {
            old.StartRevoking(now, TimeSpan.FromHours(limits.Value.ApiKeyGraceHours));
        }

        var (fresh, plaintext) = ApiKey.Issue(bot.Id, now);
        apiKeys.Add(fresh);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        return new RotatedApiKeyDto(
            new NewApiKeyDto(fresh.Id, plaintext, fresh.Last4),
            new OldApiKeyDto(old.Id, old.Status, old.ExpiresAt));
    }
}
