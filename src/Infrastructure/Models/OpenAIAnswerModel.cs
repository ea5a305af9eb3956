using System.Runtime.CompilerServices;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace Chat9.Infrastructure.Models;

/// <summary>
/// Streamed answers from OpenAI, Azure OpenAI or an OpenAI-compatible server (pipeline.md section 6, "Resilience").
/// </summary>
/// <remarks>
/// <para>A call has two phases. Until the first piece of text, it runs inside the <see cref="ModelPurpose.Answer"/>
/// resilience pipeline: one attempt opens the stream and reads until that text (or the end), within
/// <c>Models:FirstTokenTimeoutSeconds</c>; failures are retried and counted by the breakers, an open circuit fails at once.
/// Once text has been yielded nothing is retried: the rest is read as it comes. <c>Models:AnswerTimeoutSeconds</c> bounds
/// the whole call from its start.</para>
/// <para>Failures end the enumeration with <see cref="ModelUnavailableException"/> (outage, timeout, open circuit, a stream
/// cut or ended before its finish reason, an unreadable chunk) or <see cref="ModelContentRejectedException"/> (HTTP 400
/// with a content-policy code, or <c>finish_reason: content_filter</c>); text already yielded stays yielded. The caller's
/// cancellation always surfaces as <see cref="OperationCanceledException"/> and aborts the HTTP call.</para>
/// <para>The SDK asks for usage in streams itself (<c>stream_options.include_usage</c>); usage is yielded once as an
/// <see cref="AnswerUsageDelta"/> when the provider sends it, and never made up when it does not.</para>
/// </remarks>
public sealed class OpenAIAnswerModel : IAnswerModel
{
    /// <summary><c>max_completion_tokens</c> for reasoning models: reasoning spends tokens before the visible answer,
    /// which the prompt asks to keep within about 600 words (pipeline.md section 6).</summary>
    public const int ReasoningMaxOutputTokens = 4096;

    /// <summary>Low, as answers must stay close to the context; reasoning models accept no temperature.</summary>
    private const float AnswerTemperature = 0.2f;

    private readonly ModelResilience _resilience;
    private readonly ILogger<OpenAIAnswerModel> _logger;
    private readonly Lazy<ChatClient>? _client;
    private readonly TimeSpan _totalTimeout;
    private readonly bool _isReasoningModel;

    public OpenAIAnswerModel(
        OpenAIClientFactory clients, ModelResilience resilience, IOptions<ModelOptions> options, ILogger<OpenAIAnswerModel> logger)
    {
        _resilience = resilience;
        _logger = logger;
        var settings = options.Value;
        _totalTimeout = TimeSpan.FromSeconds(settings.AnswerTimeoutSeconds);
        if (settings.Provider != ModelProvider.None && !string.IsNullOrWhiteSpace(settings.AnswerModel))
        {
            ModelName = settings.AnswerModel;
            _isReasoningModel = ChatModelSupport.IsReasoningModel(settings.AnswerModel);
            _client = new Lazy<ChatClient>(() => clients.GetChatClient(settings.AnswerModel));
        }
    }

    public bool IsConfigured => _client is not null;

    public string? ModelName { get; }

    public async IAsyncEnumerable<AnswerDelta> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_client is null)
        {
            throw new InvalidOperationException("No answer model is configured; check IsConfigured first.");
        }

        // Outside any try: a configuration error is the operator's to fix, not a provider outage.
        var client = _client.Value;
        var messages = request.Messages.Select(ChatModelSupport.ToSdk).ToList();

        // The whole call's budget; the stream's own token hangs off it, so its expiry aborts the HTTP call.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_totalTimeout);

        var stream = await OpenAsync(client, messages, request.MaxOutputTokens, budget, cancellationToken);
        await using (stream)
        {
            foreach (var delta in stream.Pending)
            {
                yield return delta;
            }

            var state = stream.State;
            while (!stream.Ended)
            {
                StreamingChatCompletionUpdate update;
                try
                {
                    if (!await stream.Updates.MoveNextAsync())
                    {
                        break;
                    }

                    update = stream.Updates.Current;
                }
                catch (Exception ex)
                {
                    throw AfterFirstText(ex, budget, cancellationToken);
                }

                foreach (var delta in Read(update, state))
                {
                    yield return delta;
                }
            }

            if (state.ContentFiltered)
            {
                throw Rejected("the provider's content filter stopped the answer");
            }

            if (!state.Finished)
            {
                throw Unavailable("the stream ended before the answer did");
            }
        }
    }

    /// <summary>Opens the stream and reads up to the first text, with retries; what survives them is translated here.</summary>
    private async Task<OpenStream> OpenAsync(
        ChatClient client, List<ChatMessage> messages, int maxOutputTokens, CancellationTokenSource budget, CancellationToken cancellationToken)
    {
        try
        {
            return await _resilience.For(ModelPurpose.Answer).ExecuteAsync(
                attemptToken => OpenAttemptAsync(client, messages, maxOutputTokens, budget.Token, attemptToken), budget.Token);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            throw ex as OperationCanceledException ?? new OperationCanceledException("The answer was cancelled.", ex, cancellationToken);
        }
        catch (ModelContentRejectedException)
        {
            throw;
        }
        catch (Exception ex) when (ModelFailures.IsContentRejection(ex))
        {
            throw Rejected("the provider refused the content", ex);
        }
        catch (Exception ex)
        {
            throw Unavailable(budget.IsCancellationRequested ? "timed out" : ModelFailures.Describe(ex), ex);
        }
    }

    /// <summary>
    /// One attempt: send the request and read until the first non-empty text or the end of the stream. The HTTP call gets
    /// a token of its own (tied to the call's budget, and to the attempt's timeout only while the attempt runs), since
    /// the stream outlives the attempt and Polly recycles the attempt's token source.
    /// </summary>
    private async ValueTask<OpenStream> OpenAttemptAsync(
        ChatClient client, List<ChatMessage> messages, int maxOutputTokens, CancellationToken budgetToken, CancellationToken attemptToken)
    {
        var streamCancellation = CancellationTokenSource.CreateLinkedTokenSource(budgetToken);
        IAsyncEnumerator<StreamingChatCompletionUpdate>? updates = null;
        try
        {
            OpenStream opened;
            var registration = attemptToken.Register(static source => ((CancellationTokenSource)source!).Cancel(), streamCancellation);
            await using (registration)
            {
                updates = client.CompleteChatStreamingAsync(messages, CreateOptions(maxOutputTokens), streamCancellation.Token)
                    .GetAsyncEnumerator(streamCancellation.Token);
                opened = await ReadToFirstTextAsync(updates, streamCancellation);
            }

            // The attempt's timeout fired just as the text came: the stream is cancelled, so this attempt failed.
            if (streamCancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException(attemptToken.IsCancellationRequested ? attemptToken : budgetToken);
            }

            return opened;
        }
        catch
        {
            if (updates is not null)
            {
                await updates.DisposeAsync();
            }

            streamCancellation.Dispose();
            throw;
        }
    }

    private async Task<OpenStream> ReadToFirstTextAsync(
        IAsyncEnumerator<StreamingChatCompletionUpdate> updates, CancellationTokenSource streamCancellation)
    {
        var state = new StreamState();
        var pending = new List<AnswerDelta>();
        while (await updates.MoveNextAsync())
        {
            pending.AddRange(Read(updates.Current, state));
            if (state.HasText)
            {
                return new OpenStream(updates, streamCancellation, pending, state, Ended: false);
            }
        }

        if (state.ContentFiltered)
        {
            throw new ModelContentRejectedException("The provider's content filter refused to answer.");
        }

        if (!state.Finished)
        {
            // Like a dropped connection: worth another attempt.
            throw new IOException("The answer stream ended before the model finished.");
        }

        return new OpenStream(updates, streamCancellation, pending, state, Ended: true);
    }

    private List<AnswerDelta> Read(StreamingChatCompletionUpdate update, StreamState state)
    {
        var deltas = new List<AnswerDelta>(1);
        var text = ChatModelSupport.Text(update.ContentUpdate);
        if (text.Length > 0 && !state.ContentFiltered)
        {
            state.HasText = true;
            deltas.Add(new AnswerTextDelta(text));
        }

        if (update.FinishReason is { } finishReason)
        {
            state.Finished = true;
            state.ContentFiltered |= finishReason == ChatFinishReason.ContentFilter;
        }

        if (update.Usage is { } usage && !state.UsageReported)
        {
            state.UsageReported = true;
            deltas.Add(new AnswerUsageDelta(new ModelUsage(ModelName!, "answer", usage.InputTokenCount, usage.OutputTokenCount)));
        }

        return deltas;
    }

    private ChatCompletionOptions CreateOptions(int maxOutputTokens)
    {
        // A new instance per attempt: the SDK writes the messages, model and stream settings into it.
        var options = new ChatCompletionOptions();
        if (_isReasoningModel)
        {
            options.MaxOutputTokenCount = Math.Max(ReasoningMaxOutputTokens, maxOutputTokens);
        }
        else
        {
            options.MaxOutputTokenCount = maxOutputTokens;
            options.Temperature = AnswerTemperature;
        }

        return options;
    }

    /// <summary>A failure once text was yielded: never retried.</summary>
    private Exception AfterFirstText(Exception exception, CancellationTokenSource budget, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return exception as OperationCanceledException
                ?? new OperationCanceledException("The answer was cancelled.", exception, cancellationToken);
        }

        return Unavailable(budget.IsCancellationRequested ? "timed out" : ModelFailures.Describe(exception), exception);
    }

    private ModelUnavailableException Unavailable(string reason, Exception? inner = null)
    {
        _logger.LogWarning("Answer model {Model} unavailable: {Reason}.", ModelName, reason);
        return new ModelUnavailableException(
            $"The answer model is unavailable ({reason}).", inner, (inner as Polly.CircuitBreaker.BrokenCircuitException)?.RetryAfter);
    }

    private ModelContentRejectedException Rejected(string reason, Exception? inner = null)
    {
        _logger.LogWarning("Answer model {Model} rejected the content: {Reason}.", ModelName, reason);
        return new ModelContentRejectedException($"The answer model rejected the content ({reason}).", inner);
    }

    private sealed class StreamState
    {
        public bool HasText { get; set; }

        public bool Finished { get; set; }

        public bool ContentFiltered { get; set; }

        public bool UsageReported { get; set; }
    }

    /// <summary>A stream read up to its first text: what was read so far, and the rest to come.</summary>
    private sealed record OpenStream(
        IAsyncEnumerator<StreamingChatCompletionUpdate> Updates, CancellationTokenSource Cancellation, List<AnswerDelta> Pending,
        StreamState State, bool Ended) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Disposing an unfinished enumerator disposes the response, which aborts the HTTP call.
            try
            {
                await Updates.DisposeAsync();
            }
            finally
            {
                Cancellation.Dispose();
            }
        }
    }
}
