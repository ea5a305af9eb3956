using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat9.Testing;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (Kestrel, random port) for model adapter tests: real HTTP for the real SDK.
/// Serves embeddings at <c>/v1/embeddings</c> (OpenAI style) and <c>/openai/deployments/{deployment}/embeddings</c>
/// (Azure style), and chat completions at <c>/v1/chat/completions</c> and
/// <c>/openai/deployments/{deployment}/chat/completions</c>, streaming (server-sent events) or not; anything else
/// answers 404. Its vectors are hashed bags of words (see <see cref="Embed"/>), so texts sharing words are close; its
/// chat replies are <see cref="ChatReply"/> or whatever <see cref="ChatResponder"/> computes. It records every request
/// and misbehaves on demand. Every knob may be changed while requests run; each request reads it once.
/// </summary>
public sealed partial class FakeOpenAIServer : IAsyncDisposable
{
    public const int Dimensions = 64;

    // Like OpenAI, leave '+' and '/' of base64 unescaped: the SDK decodes the raw JSON string.
    private static readonly TimeSpan CutDelay = TimeSpan.FromMilliseconds(100);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _failuresLeft;
    private int _failureStatus;
    private (string Name, string Value)[] _failureHeaders = [];
    private int _contentFiltersLeft;
    private int _chatsAbortedByClient;
    private string _contentFilterCode = "content_filter";

    private FakeOpenAIServer(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The base URL an OpenAI-compatible client is configured with.</summary>
    public string OpenAIEndpoint => new Uri(BaseUri, "v1").AbsoluteUri;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int RequestCount => _requests.Count;

    /// <summary>When set, every request gets this status and an error body (after the scripted failures).</summary>
    public int? AlwaysStatus { get; set; }

    /// <summary>Wait before answering (the wait ends early if the client gives up).</summary>
    public TimeSpan ResponseDelay { get; set; }

    public bool MalformedJson { get; set; }

    /// <summary>Leave this many embeddings off the end of each answer.</summary>
    public int MissingEmbeddings { get; set; }

    /// <summary>The requests made to the chat completions endpoints (OpenAI and Azure paths).</summary>
    public IReadOnlyList<RecordedRequest> ChatRequests => [.. _requests.Where(request => IsChatPath(request.PathAndQuery))];

    /// <summary>Chat requests the client gave up on (closed the connection or cancelled) before the reply was complete,
    /// as far as the server noticed: it notices while it waits (<see cref="FirstTokenDelay"/>, <see cref="TokenDelay"/>).</summary>
    public int ChatsAbortedByClient => Volatile.Read(ref _chatsAbortedByClient);

    /// <summary>The assistant's reply to every chat request while <see cref="ChatResponder"/> is not set.</summary>
    public string ChatReply { get; set; } = DefaultChatReply;

    public const string DefaultChatReply = "Chat9 answers questions from your own documents [1]. Set it up in minutes and it cites its sources.";

    /// <summary>Computes the reply from the request (e.g. guard JSON for the guard's prompts, an answer otherwise);
    /// wins over <see cref="ChatReply"/>. See <see cref="ChatModelsResponder"/> for a ready-made one.</summary>
    public Func<FakeChatRequest, string>? ChatResponder { get; set; }

    /// <summary>A streamed reply is split into this many content chunks of about equal length (fewer for short
    /// replies). Default 20.</summary>
    public int ChunkCount { get; set; } = 20;

    /// <summary>Wait before each streamed content chunk after the first.</summary>
    public TimeSpan TokenDelay { get; set; }

    /// <summary>Streaming: wait after the headers and the role chunk were sent, before the first content chunk (to
    /// provoke the first-token timeout). Non-streaming: wait before the body.</summary>
    public TimeSpan FirstTokenDelay { get; set; }

    /// <summary>Streaming: after this many content chunks, drop the connection abruptly (no finish chunk, no usage, no
    /// <c>[DONE]</c>, no end of the chunked body), 100 ms after the last chunk so the client has read it. 0 cuts right
    /// after the role chunk.</summary>
    public int? CutStreamAfterChunks { get; set; }

    /// <summary>Streaming: after this many content chunks, end the response cleanly but early: no finish chunk, no usage,
    /// no <c>[DONE]</c>.</summary>
    public int? EndStreamAfterChunks { get; set; }

    /// <summary>Streaming: after this many content chunks, send a <c>data:</c> line that is not valid JSON (then carry on).</summary>
    public int? MalformedChunkAfter { get; set; }

    /// <summary>After this many content chunks (0: before any text) finish with <c>finish_reason: content_filter</c>
    /// and send no more text, as Azure does when its filter stops an answer. Applies to non-streaming replies too
    /// (0: no content; more: the reply cut there).</summary>
    public int? ContentFilterAfterChunks { get; set; }

    /// <summary>Never send token usage, as some OpenAI-compatible servers do; otherwise non-streaming replies always carry
    /// it and streams carry a final usage chunk when <c>stream_options.include_usage</c> is true.</summary>
    public bool OmitUsage { get; set; }

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new FakeOpenAIServer(builder.Build());
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUri = new Uri(address);
        return server;
    }

    /// <summary>Forgets the recorded requests (a long benchmark must not keep every body).</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>Back to the defaults between tests that share one server: no failures, no delays, the default reply.
    /// Recorded requests are kept.</summary>
    public void Reset()
    {
        Volatile.Write(ref _failuresLeft, 0);
        Volatile.Write(ref _contentFiltersLeft, 0);
        AlwaysStatus = null;
        ResponseDelay = TimeSpan.Zero;
        MalformedJson = false;
        MissingEmbeddings = 0;
        ChatReply = DefaultChatReply;
        ChatResponder = null;
        ChunkCount = 20;
        TokenDelay = TimeSpan.Zero;
        FirstTokenDelay = TimeSpan.Zero;
        CutStreamAfterChunks = null;
        EndStreamAfterChunks = null;
        MalformedChunkAfter = null;
        ContentFilterAfterChunks = null;
        OmitUsage = false;
    }

    /// <summary>Answer the next <paramref name="times"/> requests with <paramref name="status"/> and these headers
    /// (e.g. <c>Retry-After</c>).</summary>
    public void FailNext(int times, int status, params (string Name, string Value)[] headers)
    {
        _failureStatus = status;
        _failureHeaders = headers;
        Volatile.Write(ref _failuresLeft, times);
    }

    /// <summary>Answer the next <paramref name="times"/> chat requests with <c>400</c> and OpenAI's error body for refused
    /// content, with this error <paramref name="code"/>: <c>content_filter</c> (Azure, with an <c>innererror</c> of
    /// <c>ResponsibleAIPolicyViolation</c>), <c>invalid_prompt</c> or <c>content_policy_violation</c> (OpenAI).</summary>
    public void ContentFilterNext(int times = 1, string code = "content_filter")
    {
        Volatile.Write(ref _contentFilterCode, code);
        Volatile.Write(ref _contentFiltersLeft, times);
    }

    /// <summary>The token counts this server reports: its words (<c>\w+</c> runs). Prompt tokens are the words of all
    /// the request's message contents, completion tokens the words of the reply as sent.</summary>
    public static int CountTokens(string text) => Words(text).Count();

    /// <summary>
    /// A responder for Chat9's answer and guard models together, keyed on the prompts of <c>OpenAIGuardModel</c>: a JSON
    /// request whose system prompt mentions <c>"category"</c> gets <c>{"category": …, "score": …}</c>, one that mentions
    /// <c>"grounded"</c> gets <c>{"grounded": …}</c>; a system prompt starting with <c>Translate</c> gets the text to
    /// translate (the last user message) prefixed with <c>[{language}] </c> when <paramref name="translate"/> is not
    /// given; the knowledge profile prompt of <c>OpenAIKnowledgeExtractor</c> (JSON, mentions "knowledge profile") gets
    /// <paramref name="knowledgeProfile"/> or <see cref="DefaultKnowledgeProfile"/>, its FAQ prompt (JSON, mentions
    /// <c>"faq"</c>) gets <paramref name="faq"/> or one pair naming the document's title; everything else gets
    /// <paramref name="answer"/>.
    /// </summary>
    public static Func<FakeChatRequest, string> ChatModelsResponder(
        string answer = DefaultChatReply, string category = "pass", double score = 0.95, bool grounded = true,
        Func<string, string, string>? translate = null, string? knowledgeProfile = null, string? faq = null) =>
        request =>
        {
            var system = request.SystemPrompt;
            if (request.IsJsonMode && system.Contains("knowledge profile", StringComparison.Ordinal))
            {
                return knowledgeProfile ?? DefaultKnowledgeProfile;
            }

            if (request.IsJsonMode && system.Contains("\"faq\"", StringComparison.Ordinal))
            {
                return faq ?? DefaultFaq(request.LastUserMessage);
            }

            if (request.IsJsonMode && system.Contains("\"category\"", StringComparison.Ordinal))
            {
                return new JsonObject { ["category"] = category, ["score"] = score }.ToJsonString();
            }

            if (request.IsJsonMode && system.Contains("\"grounded\"", StringComparison.Ordinal))
            {
                return new JsonObject { ["grounded"] = grounded }.ToJsonString();
            }

            if (system.StartsWith("Translate", StringComparison.Ordinal))
            {
                var language = TranslationLanguage().Match(system) is { Success: true } match ? match.Groups[1].Value : "?";
                return translate is null ? $"[{language}] {request.LastUserMessage}" : translate(request.LastUserMessage, language);
            }

            return answer;
        };

    /// <summary>The knowledge profile <see cref="ChatModelsResponder"/> extracts by default.</summary>
    public const string DefaultKnowledgeProfile = """
        {"product_name": "Fake Product", "summary": "Fake Product is described by the fake model.", "topics": ["Fake topic"], "glossary": [{"term": "Fake term", "definition": "A term the fake model defined."}]}
        """;

    /// <summary>One FAQ pair per document: "What does the fake model say about {title}?".</summary>
    public static string DefaultFaq(string document)
    {
        var title = FaqDocumentTitle().Match(document) is { Success: true } match ? match.Groups[1].Value : "the document";
        return new JsonObject
        {
            ["faq"] = new JsonArray(new JsonObject
            {
                ["question"] = $"What does the fake model say about {title}?",
                ["answer"] = $"The fake model read **{title}**.",
            }),
        }.ToJsonString();
    }

    /// <summary>The vector this server returns for <paramref name="text"/>: word counts hashed into
    /// <see cref="Dimensions"/> buckets, L2-normalized.</summary>
    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in Words(text))
        {
            vector[Fnv1a(word) % Dimensions] += 1;
        }

        var length = MathF.Sqrt(vector.Sum(value => value * value));
        return length == 0 ? vector : [.. vector.Select(value => value / length)];
    }

    public async ValueTask DisposeAsync()
    {
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(shutdown.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Path.Value + context.Request.QueryString.Value,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers["api-key"].ToString(),
            body,
            _clock.Elapsed));

        try
        {
            await Task.Delay(ResponseDelay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            foreach (var (name, value) in _failureHeaders)
            {
                context.Response.Headers[name] = value;
            }

            await WriteErrorAsync(context, _failureStatus);
            return;
        }

        if (AlwaysStatus is { } status)
        {
            await WriteErrorAsync(context, status);
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method) && IsChatPath(context.Request.Path.Value!))
        {
            await HandleChatAsync(context, body);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method) || !IsEmbeddingsPath(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/json";
        if (MalformedJson)
        {
            await context.Response.WriteAsync("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedd");
            return;
        }

        await context.Response.WriteAsync(EmbeddingsResponse(JsonNode.Parse(body)!));
    }

    private string EmbeddingsResponse(JsonNode request)
    {
        var input = request["input"]!;
        var texts = input is JsonArray array ? array.Select(item => item!.GetValue<string>()).ToList() : [input.GetValue<string>()];
        // The SDK asks for base64 (little-endian float32) by default; plain clients get number arrays.
        var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        foreach (var (text, index) in texts.Take(texts.Count - MissingEmbeddings).Select((text, index) => (text, index)))
        {
            var vector = Embed(text);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())))
                : new JsonArray([.. vector.Select(value => (JsonNode)JsonValue.Create(value))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = index, ["embedding"] = embedding });
        }

        var tokens = texts.Sum(text => Words(text).Count());
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }.ToJsonString(Json);
    }

    private async Task HandleChatAsync(HttpContext context, string body)
    {
        if (Interlocked.Decrement(ref _contentFiltersLeft) >= 0)
        {
            await WriteContentFilterErrorAsync(context, Volatile.Read(ref _contentFilterCode));
            return;
        }

        FakeChatRequest request;
        try
        {
            request = FakeChatRequest.Parse(JsonNode.Parse(body)!, DeploymentName(context.Request.Path.Value!));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest);
            return;
        }

        var reply = (ChatResponder ?? (_ => ChatReply))(request);
        var usage = OmitUsage
            ? null
            : new JsonObject
            {
                ["prompt_tokens"] = request.Messages.Sum(message => CountTokens(message.Content)),
                ["completion_tokens"] = 0,
                ["total_tokens"] = 0,
            };

        try
        {
            if (request.Stream)
            {
                await StreamChatAsync(context, request, reply, usage);
            }
            else
            {
                await Task.Delay(FirstTokenDelay, context.RequestAborted);
                await WriteChatCompletionAsync(context, request, reply, usage);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client gave up.
            Interlocked.Increment(ref _chatsAbortedByClient);
        }
    }

    private async Task WriteChatCompletionAsync(HttpContext context, FakeChatRequest request, string reply, JsonObject? usage)
    {
        var filterAfter = ContentFilterAfterChunks;
        if (filterAfter is { } after)
        {
            reply = string.Concat(Split(reply, ChunkCount).Take(after));
        }

        context.Response.ContentType = "application/json";
        if (MalformedJson)
        {
            await context.Response.WriteAsync("{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"mess");
            return;
        }

        SetCompletionTokens(usage, reply);
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request.Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = filterAfter == 0 ? null : reply },
                ["finish_reason"] = filterAfter is null ? "stop" : "content_filter",
            }),
            ["usage"] = usage,
        };
        await context.Response.WriteAsync(completion.ToJsonString(Json), context.RequestAborted);
    }

    private async Task StreamChatAsync(HttpContext context, FakeChatRequest request, string reply, JsonObject? usage)
    {
        // Read every knob once, so a test changing one mid-stream does not get half of each.
        var tokenDelay = TokenDelay;
        var cutAfter = CutStreamAfterChunks;
        var endAfter = EndStreamAfterChunks;
        var malformedAfter = MalformedChunkAfter;
        var filterAfter = ContentFilterAfterChunks;
        var includeUsage = usage is not null && request.IncludeUsage;
        var aborted = context.RequestAborted;

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await WriteEventAsync(context, Chunk(request, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null, includeUsage), aborted);
        await Task.Delay(FirstTokenDelay, aborted);

        var sent = new StringBuilder();
        var pieces = Split(reply, ChunkCount);
        for (var index = 0; ; index++)
        {
            if (cutAfter == index)
            {
                // Give the client time to read what was sent: a reset connection may discard unread data.
                await Task.Delay(CutDelay, aborted);
                context.Abort();
                return;
            }

            if (endAfter == index)
            {
                return;
            }

            if (malformedAfter == index)
            {
                await WriteRawAsync(context, "data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"br\n\n", aborted);
            }

            if (filterAfter == index || index == pieces.Count)
            {
                break;
            }

            if (index > 0)
            {
                await Task.Delay(tokenDelay, aborted);
            }

            sent.Append(pieces[index]);
            await WriteEventAsync(context, Chunk(request, new JsonObject { ["content"] = pieces[index] }, null, includeUsage), aborted);
        }

        await WriteEventAsync(context, Chunk(request, new JsonObject(), filterAfter is null ? "stop" : "content_filter", includeUsage), aborted);
        if (includeUsage)
        {
            SetCompletionTokens(usage, sent.ToString());
            var usageChunk = Chunk(request, null, null, includeUsage: false);
            usageChunk["choices"] = new JsonArray();
            usageChunk["usage"] = usage;
            await WriteEventAsync(context, usageChunk, aborted);
        }

        await WriteRawAsync(context, "data: [DONE]\n\n", aborted);
    }

    private static JsonObject Chunk(FakeChatRequest request, JsonObject? delta, string? finishReason, bool includeUsage)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion.chunk",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request.Model,
            ["choices"] = delta is null && finishReason is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta ?? new JsonObject(), ["finish_reason"] = finishReason }),
        };
        // Like OpenAI: with include_usage every chunk but the last carries "usage": null.
        if (includeUsage)
        {
            chunk["usage"] = null;
        }

        return chunk;
    }

    private static Task WriteEventAsync(HttpContext context, JsonObject data, CancellationToken cancellationToken) =>
        WriteRawAsync(context, "data: " + data.ToJsonString(Json) + "\n\n", cancellationToken);

    private static async Task WriteRawAsync(HttpContext context, string text, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync(text, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static void SetCompletionTokens(JsonObject? usage, string reply)
    {
        if (usage is null)
        {
            return;
        }

        var completion = CountTokens(reply);
        usage["completion_tokens"] = completion;
        usage["total_tokens"] = usage["prompt_tokens"]!.GetValue<int>() + completion;
    }

    /// <summary>The reply in <paramref name="count"/> pieces of about equal length, never splitting a surrogate pair.</summary>
    private static List<string> Split(string reply, int count)
    {
        var pieces = new List<string>();
        if (reply.Length == 0)
        {
            return pieces;
        }

        count = Math.Clamp(count, 1, reply.Length);
        var start = 0;
        for (var i = 1; i <= count; i++)
        {
            var end = (int)((long)reply.Length * i / count);
            if (end < reply.Length && char.IsLowSurrogate(reply[end]))
            {
                end++;
            }

            if (end > start)
            {
                pieces.Add(reply[start..end]);
                start = end;
            }
        }

        return pieces;
    }

    private static Task WriteContentFilterErrorAsync(HttpContext context, string code)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["message"] = code == "content_filter"
                ? "The response was filtered due to the prompt triggering Azure OpenAI's content management policy."
                : "Invalid prompt: your prompt was flagged as potentially violating our usage policy.",
            ["type"] = code == "content_filter" ? null : "invalid_request_error",
            ["param"] = code == "content_filter" ? "prompt" : null,
            ["code"] = code,
        };
        if (code == "content_filter")
        {
            error["status"] = 400;
            error["innererror"] = new JsonObject
            {
                ["code"] = "ResponsibleAIPolicyViolation",
                ["content_filter_result"] = new JsonObject { ["jailbreak"] = new JsonObject { ["filtered"] = true, ["detected"] = true } },
            };
        }

        return context.Response.WriteAsync(new JsonObject { ["error"] = error }.ToJsonString(Json));
    }

    private static bool IsChatPath(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0];
        var segments = path.Trim('/').Split('/');
        return segments is ["v1", "chat", "completions"] or ["openai", "deployments", _, "chat", "completions"];
    }

    private static string? DeploymentName(string path)
    {
        var segments = path.Trim('/').Split('/');
        return segments is ["openai", "deployments", var deployment, ..] ? deployment : null;
    }

    [GeneratedRegex(@"ISO 639-1 code (\w+)")]
    private static partial Regex TranslationLanguage();

    [GeneratedRegex("<document title=\"([^\"]*)\">")]
    private static partial Regex FaqDocumentTitle();

    private static bool IsEmbeddingsPath(PathString path)
    {
        var segments = path.Value!.Trim('/').Split('/');
        return segments is ["v1", "embeddings"] or ["openai", "deployments", _, "embeddings"];
    }

    private static Task WriteErrorAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new { error = new { message = $"Fake failure {status}", type = "server_error", code = (string?)null } };
        return context.Response.WriteAsync(JsonSerializer.Serialize(error));
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(match => match.Value);

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();

    private static uint Fnv1a(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

/// <summary>One request as the fake server saw it; <see cref="At"/> is the arrival time since the server started.</summary>
public sealed record RecordedRequest(string PathAndQuery, string Authorization, string ApiKey, string Body, TimeSpan At);

/// <summary>One message of a chat request as the fake server read it (text parts joined).</summary>
public sealed record FakeChatMessage(string Role, string Content);

/// <summary>A chat completions request as the fake server read it; <see cref="Body"/> is the whole JSON.</summary>
public sealed record FakeChatRequest(string? Model, IReadOnlyList<FakeChatMessage> Messages, bool Stream, JsonNode Body)
{
    /// <summary>The system (or developer) messages, joined by newlines.</summary>
    public string SystemPrompt => string.Join("\n", Messages.Where(message => message.Role is "system" or "developer").Select(message => message.Content));

    public string LastUserMessage => Messages.LastOrDefault(message => message.Role == "user")?.Content ?? string.Empty;

    /// <summary><c>response_format</c> asks for a JSON object.</summary>
    public bool IsJsonMode => Body["response_format"]?["type"]?.GetValue<string>() == "json_object";

    public bool IncludeUsage => Body["stream_options"]?["include_usage"]?.GetValue<bool>() == true;

    /// <summary>Parses a request body; on Azure the model is the deployment named in the path.</summary>
    public static FakeChatRequest Parse(JsonNode body, string? deployment)
    {
        var messages = new List<FakeChatMessage>();
        foreach (var message in body["messages"]!.AsArray())
        {
            var content = message!["content"];
            var text = content switch
            {
                null => string.Empty,
                JsonArray parts => string.Concat(parts.Select(part => part?["text"]?.GetValue<string>() ?? string.Empty)),
                _ => content.GetValue<string>(),
            };
            messages.Add(new FakeChatMessage(message["role"]!.GetValue<string>(), text));
        }

        return new FakeChatRequest(body["model"]?.GetValue<string>() ?? deployment, messages, body["stream"]?.GetValue<bool>() == true, body);
    }
}
