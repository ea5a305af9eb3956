using System.Diagnostics;
using Chat9.Application.Bots.Common;
using Chat9.Application.Chat.Common;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Options;
using Chat9.Application.Chat.Retrieval;
using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Mediator;

namespace Chat9.Application.Chat.DebugChat;

public sealed class DebugChatQueryHandler(
    IReadRepository<Bot> bots,
    IReadRepository<Session> sessions,
    KnowledgeRetriever retriever,
    IOptions<LimitsOptions> limits) : IQueryHandler<DebugChatQuery, ChatDebugDto>
{
    public async ValueTask<ChatDebugDto> Handle(DebugChatQuery query, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var question = VisitorText.RequireQuestion(query.Question, limits.Value.MessageMaxChars);
        var bot = await bots.GetByIdAsync(query.BotId, cancellationToken);
        string? previousQuestion = null;
        if (query.SessionId is { } sessionId)
        {
            var session = await sessions.FirstOrDefaultAsync(new SessionOfBotWithMessagesSpec(bot.Id, sessionId), cancellationToken)
                ?? throw new ConflictException("session_not_found", "No session with this id exists for this bot.");
            previousQuestion = session.Messages.Where(m => m.Role == MessageRole.User).OrderBy(m => m.CreatedAt).LastOrDefault()?.Content;
        }

        var retrieval = await retriever.RetrieveAsync(bot, question, previousQuestion, cancellationToken);
        total.Stop();
        return new ChatDebugDto(
            question,
            RetrievalDebugDto.From(retrieval),
            Guard: null,
            Faq: null,
            Answer: null,
            new DebugTimingsDto(
                Guard: null,
                Faq: null,
                Retrieval: Round(retrieval.Timings.TotalMs),
                Lexical: Round(retrieval.Timings.LexicalMs),
                Vector: retrieval.Timings.VectorMs is { } vector ? Round(vector) : null,
                Fusion: Round(retrieval.Timings.FusionMs),
                Generation: null,
                FirstToken: null,
                Validation: null,
                Total: Round(total.Elapsed.TotalMilliseconds)));
    }

    private static double Round(double ms) => Math.Round(ms, 2);
}
