using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Models;
using Chat9.Infrastructure.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.UnitTests.Models;

internal static class ChatModelTesting
{
    public const string SystemPrompt = "You answer questions about Acme from the context only.";

    public const string Question = "How do I reset my password?";

    public static OpenAIAnswerModel AnswerModel(ModelOptions options, ModelResilience? resilience = null) =>
        new(new OpenAIClientFactory(Options.Create(options)), resilience ?? ModelTesting.Resilience(options), Options.Create(options),
            NullLogger<OpenAIAnswerModel>.Instance);

    public static OpenAIGuardModel GuardModel(ModelOptions options, ModelResilience? resilience = null) =>
        new(GuardClient(options, resilience), NullLogger<OpenAIGuardModel>.Instance);

    public static GuardChatClient GuardClient(ModelOptions options, ModelResilience? resilience = null) =>
        new(new OpenAIClientFactory(Options.Create(options)), resilience ?? ModelTesting.Resilience(options), new O200kTokenCounter(),
            Options.Create(options), NullLogger<GuardChatClient>.Instance);

    public static AnswerRequest Request(int maxOutputTokens = 800) =>
        new([new PromptMessage(PromptRole.System, SystemPrompt), new PromptMessage(PromptRole.User, Question)], maxOutputTokens);

    /// <summary>Reads the whole stream into <paramref name="into"/>, so a test still sees what came before a failure.</summary>
    public static async Task<List<AnswerDelta>> CollectAsync(
        IAsyncEnumerable<AnswerDelta> stream, List<AnswerDelta>? into = null, CancellationToken cancellationToken = default)
    {
        into ??= [];
        await foreach (var delta in stream.WithCancellation(cancellationToken))
        {
            into.Add(delta);
        }

        return into;
    }

    public static string Text(IEnumerable<AnswerDelta> deltas) => string.Concat(deltas.OfType<AnswerTextDelta>().Select(delta => delta.Text));
}
