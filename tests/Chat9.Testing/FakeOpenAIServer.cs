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
/// (Azure style); anything else answers 404. Its vectors are hashed bags of words (see <see cref="Embed"/>), so texts
/// sharing words are close. It records every request and misbehaves on demand.
/// </summary>
public sealed partial class FakeOpenAIServer : IAsyncDisposable
{
    public const int Dimensions = 64;

    // Like OpenAI, leave '+' and '/' of base64 unescaped: the SDK decodes the raw JSON string.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _failuresLeft;
    private int _failureStatus;
    private (string Name, string Value)[] _failureHeaders = [];

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

    /// <summary>Answer the next <paramref name="times"/> requests with <paramref name="status"/> and these headers
    /// (e.g. <c>Retry-After</c>).</summary>
    public void FailNext(int times, int status, params (string Name, string Value)[] headers)
    {
        _failureStatus = status;
        _failureHeaders = headers;
        Volatile.Write(ref _failuresLeft, times);
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
