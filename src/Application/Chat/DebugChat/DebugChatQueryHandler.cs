using System.Diagnostics;
using Chat9.Application.Bots.Common;
using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.Pipeline;
using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Json;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Knowledge;
using Chat9.Domain.Knowledge.Specifications;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Chat.DebugChat;

public sealed class DebugChatQueryHandler(
    IReadRepository<Bot> bots,
    IReadRepository<Session> sessions,
    IReadRepository<KnowledgeProfile> profiles,
    AnswerPipeline pipeline,
    IOptions<LimitsOptions> limits,
    ILogger<DebugChatQueryHandler> logger) : IQueryHandler<DebugChatQuery, ChatDebugDto>
{
    public async ValueTask<ChatDebugDto> Handle(DebugChatQuery query, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var question = VisitorText.RequireQuestion(query.Question, limits.Value.MessageMaxChars);
        var bot = await bots.GetByIdAsync(query.BotId, cancellationToken);
        Session? session = null;
        if (query.SessionId is { } sessionId)
        {
            session = await sessions.FirstOrDefaultAsync(new SessionOfBotWithMessagesSpec(bot.Id, sessionId), cancellationToken)
                ?? throw new ConflictException("session_not_found", "No session with this id exists for this bot.");
        }

        var history = session?.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList() ?? [];
        var profile = await profiles.FirstOrDefaultAsync(new KnowledgeProfileOfBotSpec(bot.Id), cancellationToken);
        var hint = ConversationLanguages.HintFor(session, requestHint: null);
        var turn = new TurnContext(bot, profile, session, history, question, IsGreeting: false, hint, DryRun: true);

        PipelineResult? result = null;
        PipelineRetrieved? retrieved = null;
        AnswerErrorDto? error = null;
        var text = string.Empty;
        try
        {
            await foreach (var step in pipeline.RunAsync(turn, cancellationToken))
            {
                switch (step)
                {
                    case PipelineChunk chunk:
                        text += chunk.Text;
                        break;
                    case PipelineFinished finished:
                        result = finished.Result;
                        break;
                    case PipelineRetrieved progress:
                        retrieved = progress;
                        break;
                }
            }
        }
        catch (ModelUnavailableException ex)
        {
            logger.LogWarning("Debug chat: the answer model is unavailable ({Reason}).", ex.Message);
            error = new AnswerErrorDto(503, CannedTexts.Get(CannedText.ErrorUnavailable, session?.Language ?? hint));
        }
        catch (ModelContentRejectedException ex)
        {
            logger.LogWarning("Debug chat: the provider rejected the content ({Reason}).", ex.Message);
            error = new AnswerErrorDto(422, CannedTexts.Get(CannedText.ErrorRejected, session?.Language ?? hint));
        }

        total.Stop();
        return result is null
            ? Failed(question, retrieved, text, error!, session?.Language ?? hint ?? "en", total.Elapsed.TotalMilliseconds)
            : Report(question, result, total.Elapsed.TotalMilliseconds);
    }

    private static ChatDebugDto Report(string question, PipelineResult result, double totalMs)
    {
        var timings = result.TimingsMs;
        return new ChatDebugDto(
            question,
            result.Retrieval is { } retrieval ? RetrievalDebugDto.From(retrieval) : null,
            GuardDebugDto.From(result.Guard),
            FaqDebugDto.From(result.Faq),
            new AnswerDebugDto(
                result.Escalation is not null ? "(A ticket would be opened here; /chat/debug opens none.)" : result.Text,
                WireNames.Of(result.Outcome),
                result.Confidence,
                result.Language,
                result.Answer.Answerer,
                result.Answer.Grounded,
                result.Sources,
                result.SourceDocumentIds,
                result.TokensUsed),
            new DebugTimingsDto(
                Guard: timings.GetValueOrDefault("guard"),
                Faq: timings.GetValueOrDefault("faq"),
                Retrieval: timings.GetValueOrDefault("retrieval"),
                Lexical: timings.GetValueOrDefault("lexical"),
                Vector: timings.GetValueOrDefault("vector"),
                Fusion: timings.GetValueOrDefault("fusion"),
                Generation: timings.GetValueOrDefault("generation"),
                FirstToken: timings.GetValueOrDefault("first_token"),
                Validation: timings.GetValueOrDefault("validation"),
                Total: Math.Round(totalMs, 2)));
    }

    private static ChatDebugDto Failed(string question, PipelineRetrieved? stages, string partialText, AnswerErrorDto error, string language, double totalMs)
    {
        var guard = stages?.Guard ?? GuardReport.Skipped;
        var faq = stages?.Faq ?? FaqReport.Skipped;
        var timings = stages?.Retrieval.Timings;
        return new ChatDebugDto(
            question,
            stages is null ? null : RetrievalDebugDto.From(stages.Retrieval),
            GuardDebugDto.From(guard),
            FaqDebugDto.From(faq),
            new AnswerDebugDto(partialText, "error", stages?.Retrieval.Confidence, language, "unavailable", null, [], [], 0, error),
            new DebugTimingsDto(
                null, null, timings?.TotalMs, timings?.LexicalMs, timings?.VectorMs, timings?.FusionMs, null, null, null, Math.Round(totalMs, 2)));
    }
}
