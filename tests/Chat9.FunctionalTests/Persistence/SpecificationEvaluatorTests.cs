using Chat9.Domain.Common.Specifications;
using Chat9.Domain.Documents;
using Chat9.Domain.Sessions;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Chat9.Infrastructure.Persistence.Repositories;
using Microsoft.Extensions.DependencyInjection;
using System.Linq.Expressions;

namespace Chat9.FunctionalTests.Persistence;

/// <summary>The in-house specification evaluator, translated to SQL by the real provider.</summary>
public sealed class SpecificationEvaluatorTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    [Test]
    public async Task CriteriaOrderingPagingAndProjection_AreAppliedInTheDatabase()
    {
        var bot = await CreateBotAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Chat9DbContext>();
            for (var i = 0; i < 5; i++)
            {
                var (document, content) = Document.Upload(bot.Id, $"doc-{i}.md", DocumentFileType.Markdown, [(byte)('a' + i)], null, now.AddMinutes(i));
                db.Documents.Add(document);
                db.DocumentContents.Add(content);
            }

            await db.SaveChangesAsync();
        }

        await using var readScope = Factory.Services.CreateAsyncScope();
        var repository = new EfRepository<Document>(readScope.ServiceProvider.GetRequiredService<Chat9DbContext>());

        var page = await repository.ListAsync(new NewestDocumentNamesSpec(bot.Id, skip: 1, take: 2));
        var count = await repository.CountAsync(new NewestDocumentNamesSpec(bot.Id, skip: 1, take: 2));
        var any = await repository.AnyAsync(new NewestDocumentNamesSpec(Guid.NewGuid(), skip: 0, take: 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Is.EqualTo(new[] { "doc-3.md", "doc-2.md" }), "newest first, skipping one, taking two");
            Assert.That(count, Is.EqualTo(5), "counts ignore paging");
            Assert.That(any, Is.False, "criteria isolate bots");
        }
    }

    [Test]
    public async Task Includes_LoadChildCollections()
    {
        var bot = await CreateBotAsync();
        var now = DateTimeOffset.UtcNow;
        Guid sessionId;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Chat9DbContext>();
            var session = Session.Start(bot.Id, SessionChannel.Api, null, null, now);
            session.PostUserMessage("How do I export?", now);
            session.PostUserMessage("And as PDF?", now.AddSeconds(1));
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
        }

        await using var readScope = Factory.Services.CreateAsyncScope();
        var repository = new EfRepository<Session>(readScope.ServiceProvider.GetRequiredService<Chat9DbContext>());
        var withMessages = await repository.FirstOrDefaultAsync(new SessionWithMessagesSpec(sessionId, include: true));
        var withoutMessages = await new EfRepository<Session>(readScope.ServiceProvider.GetRequiredService<Chat9DbContext>())
            .FirstOrDefaultAsync(new SessionWithMessagesSpec(sessionId, include: false));

        Assert.That(withMessages!.Messages.Select(m => m.Content), Is.EquivalentTo(new[] { "How do I export?", "And as PDF?" }));
        Assert.That(withoutMessages!.Messages, Is.Empty, "without the include the messages are not loaded");
    }

    private sealed class NewestDocumentNamesSpec : Specification<Document, string>
    {
        public NewestDocumentNamesSpec(Guid botId, int skip, int take)
        {
            Where(d => d.BotId == botId);
            OrderByDescending(d => d.CreatedAt);
            Page(skip, take);
        }

        public override Expression<Func<Document, string>> Selector => d => d.Filename;
    }

    private sealed class SessionWithMessagesSpec : Specification<Session>
    {
        public SessionWithMessagesSpec(Guid sessionId, bool include)
        {
            Where(s => s.Id == sessionId);
            if (include)
            {
                Include(s => s.Messages);
            }

            NoTracking();
        }
    }
}
