using Chat9.Application.Bots.Common;
using Chat9.Domain.ApiKeys;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.ApiKeys.CreateApiKey;

public sealed class CreateApiKeyCommandHandler(
    IReadRepository<Bot> bots,
    IRepository<ApiKey> apiKeys,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async ValueTask<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByPublicIdAsync(command.BotPublicId, cancellationToken);
        var (key, plaintext) = ApiKey.Issue(bot.Id, clock.GetUtcNow());
        apiKeys.Add(key);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(key.Id, bot.PublicId, plaintext, key.Last4, key.Status, key.CreatedAt);
    }
}
