using Chat9.Application.Common.Interfaces;
using Chat9.Domain.ApiKeys;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Knowledge;
using Mediator;

namespace Chat9.Application.Demo.SeedDemoBot;

public sealed class SeedDemoBotCommandHandler(
    IRepository<Bot> bots,
    IRepository<ApiKey> apiKeys,
    IRepository<Document> documents,
    IRepository<KnowledgeProfile> profiles,
    IDocumentContentStore contents,
    ISampleDocuments samples,
    ISecretProtector secretProtector,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<SeedDemoBotCommand, DemoSeedResultDto>
{
    public const string DemoBotName = "Chat9 Demo";

    public async ValueTask<DemoSeedResultDto> Handle(SeedDemoBotCommand command, CancellationToken cancellationToken)
    {
        var baseUrl = command.BaseUrl.TrimEnd('/');
        var existing = await bots.FirstOrDefaultAsync(new DemoBotSpec(), cancellationToken);
        if (existing is not null && !command.Reset)
        {
            return new DemoSeedResultDto(existing.PublicId, null, baseUrl + "/", false);
        }

        if (existing is not null)
        {
            // The database cascades the bot's documents, sessions, tickets, keys and the rest.
            bots.Remove(existing);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        var bot = Bot.Create(DemoBotName, [], secretProtector.Protect(BotSecret.New()), now, isDemo: true);
        var (key, plaintextKey) = ApiKey.Issue(bot.Id, now);
        bots.Add(bot);
        apiKeys.Add(key);
        profiles.Add(KnowledgeProfile.CreateFor(bot.Id, now));

        foreach (var sample in samples.List())
        {
            var (document, content) = Document.Upload(
                bot.Id, sample.Filename, DocumentFileType.Markdown, sample.Content, $"{baseUrl}/demo/docs/{sample.Slug}", now);
            documents.Add(document);
            contents.Add(content);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new DemoSeedResultDto(bot.PublicId, plaintextKey, baseUrl + "/", true);
    }
}
