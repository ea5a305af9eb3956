using Chat9.Application.Common.Interfaces;
using Chat9.Domain.ApiKeys;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Knowledge;
using Mediator;

namespace Chat9.Application.Bots.CreateBot;

public sealed class CreateBotCommandHandler(
    IRepository<Bot> bots,
    IRepository<ApiKey> apiKeys,
    IRepository<KnowledgeProfile> profiles,
    ISecretProtector secretProtector,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreateBotCommand, CreatedBotDto>
{
    public async ValueTask<CreatedBotDto> Handle(CreateBotCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var webhookSecret = BotSecret.New();
        var bot = Bot.Create(command.Name, command.AllowedDomains, secretProtector.Protect(webhookSecret), now);
        var (key, plaintextKey) = ApiKey.Issue(bot.Id, now);

        bots.Add(bot);
        apiKeys.Add(key);
        profiles.Add(KnowledgeProfile.CreateFor(bot.Id, now));
        await unitOfWork.SaveChangesAsync(cancellationToken);

        return new CreatedBotDto(bot.Id, bot.PublicId, bot.Name, bot.Status, plaintextKey, key.Id, webhookSecret, bot.CreatedAt);
    }
}
