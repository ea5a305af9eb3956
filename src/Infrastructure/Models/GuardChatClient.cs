using System.Text.Json;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace Chat9.Infrastructure.Models;

/// <summary>
/// Short non-streaming calls to the guard model (<c>Models:GuardModel</c>) through the <see cref="ModelPurpose.Guard"/>
/// resilience pipeline: shared by the guard checks and the knowledge-writing tasks (gap titles and drafts, profile
/// extraction, FAQ suggestions). Every failure is logged as a warning and answered with <c>null</c>; only the caller's
/// cancellation is thrown.
/// </summary>
public sealed class GuardChatClient
{
    /// <summary>What a reasoning model gets on top, for the reasoning it does before its reply.</summary>
    private const int ReasoningAllowance = 1024;

    public const int MaxOutputTokens = 4096;

    private readonly ModelResilience _resilience;
    private readonly ITokenCounter _tokens;
    private readonly ILogger<GuardChatClient> _logger;
    private readonly Lazy<ChatClient>? _client;
    private readonly bool _isReasoningModel;

    public GuardChatClient(
        OpenAIClientFactory clients, ModelResilience resilience, ITokenCounter tokens, IOptions<ModelOptions> options, ILogger<GuardChatClient> logger)
    {
        _resilience = resilience;
        _tokens = tokens;
        _logger = logger;
        var settings = options.Value;
        if (settings.Provider != ModelProvider.None && !string.IsNullOrWhiteSpace(settings.GuardModel))
        {
            ModelName = settings.GuardModel;
            _isReasoningModel = ChatModelSupport.IsReasoningModel(settings.GuardModel);
            _client = new Lazy<ChatClient>(() => clients.GetChatClient(settings.GuardModel));
        }
    }

    public bool IsConfigured => _client is not null;

    public string? ModelName { get; }

    /// <param name="task">Names the call in log messages ("classification", "gap title").</param>
    /// <param name="json">Ask for a JSON object (temperature 0 either way, except on reasoning models).</param>
    /// <param name="purpose">The usage purpose (pipeline.md "Token accounting").</param>
    public async Task<(string Text, ModelUsage Usage)?> CompleteAsync(
        string task, string system, string user, bool json, int maxTokens, string purpose, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            return null;
        }

        // Outside the try: a configuration error is the operator's to fix, not a provider outage.
        var client = _client.Value;
        ChatMessage[] messages = [new SystemChatMessage(system), new UserChatMessage(user)];
        ChatCompletion completion;
        try
        {
            completion = await _resilience.For(ModelPurpose.Guard).ExecuteAsync(
                async token => (await client.CompleteChatAsync(messages, CreateOptions(json, maxTokens), token)).Value, cancellationToken);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            throw ex as OperationCanceledException ?? new OperationCanceledException("The guard call was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Guard model {Model} unavailable for the {Task}: {Reason}.", ModelName, task, ModelFailures.Describe(ex));
            return null;
        }

        if (completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            _logger.LogWarning("Guard model {Model} refused the {Task}: content filter.", ModelName, task);
            return null;
        }

        var text = ChatModelSupport.Text(completion.Content);
        var usage = completion.Usage is { } reported
            ? new ModelUsage(ModelName!, purpose, reported.InputTokenCount, reported.OutputTokenCount)
            : new ModelUsage(ModelName!, purpose, _tokens.CountTokens(system) + _tokens.CountTokens(user), _tokens.CountTokens(text));
        return (text, usage);
    }

    /// <summary>The JSON object in a model reply (code fences and text around it are tolerated), or null.</summary>
    public static JsonDocument? ParseObject(string reply)
    {
        var start = reply.IndexOf('{');
        var end = reply.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(reply.AsMemory(start, end - start + 1));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A member of a JSON object by name, ignoring case and surrounding spaces, or null.</summary>
    public static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private ChatCompletionOptions CreateOptions(bool json, int maxTokens)
    {
        // A new instance per attempt: the SDK writes the messages and the model into it.
        var options = new ChatCompletionOptions();
        if (json)
        {
            options.ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat();
        }

        if (_isReasoningModel)
        {
            options.MaxOutputTokenCount = Math.Min(maxTokens + ReasoningAllowance, MaxOutputTokens + ReasoningAllowance);
        }
        else
        {
            options.MaxOutputTokenCount = maxTokens;
            options.Temperature = 0;
        }

        return options;
    }
}
