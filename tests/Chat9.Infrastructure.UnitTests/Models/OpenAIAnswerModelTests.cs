using System.Diagnostics;
using System.Text.Json.Nodes;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Models;
using Chat9.Testing;
using static Chat9.Infrastructure.UnitTests.Models.ChatModelTesting;

namespace Chat9.Infrastructure.UnitTests.Models;

/// <summary>The answer adapter with the real OpenAI SDK against <see cref="FakeOpenAIServer"/> streaming on 127.0.0.1.</summary>
public sealed class OpenAIAnswerModelTests
{
    private const string Reply = FakeOpenAIServer.DefaultChatReply;

    private FakeOpenAIServer _server = null!;

    [SetUp]
    public async Task StartServer() => _server = await FakeOpenAIServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task StreamAsync_StreamsTheWholeAnswerInOrder_ThenItsUsage()
    {
        var deltas = await CollectAsync(AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None));

        var body = JsonNode.Parse(_server.ChatRequests.Single().Body)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(deltas), Is.EqualTo(Reply));
            Assert.That(deltas.OfType<AnswerTextDelta>().Count(), Is.EqualTo(20), "one delta per chunk");
            Assert.That(deltas.OfType<AnswerTextDelta>().Select(delta => delta.Text), Has.None.Empty);
            Assert.That(deltas[^1], Is.EqualTo(new AnswerUsageDelta(new ModelUsage("fake-answer", "answer",
                FakeOpenAIServer.CountTokens(SystemPrompt) + FakeOpenAIServer.CountTokens(Question), FakeOpenAIServer.CountTokens(Reply)))));
            Assert.That(deltas.OfType<AnswerUsageDelta>().Count(), Is.EqualTo(1));
            Assert.That(_server.ChatRequests.Single().PathAndQuery, Is.EqualTo("/v1/chat/completions"));
            Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo("fake-answer"));
            Assert.That(body["stream"]!.GetValue<bool>(), Is.True);
            Assert.That(body["stream_options"]?["include_usage"]?.GetValue<bool>(), Is.True, "usage is requested");
            Assert.That(body["max_completion_tokens"]?.GetValue<int>(), Is.EqualTo(800));
            Assert.That(body["temperature"]?.GetValue<double>(), Is.EqualTo(0.2).Within(1e-6));
            Assert.That(body["messages"]!.AsArray().Select(message => message!["role"]!.GetValue<string>()), Is.EqualTo(new[] { "system", "user" }));
        }
    }

    [TestCase("gpt-5-mini")]
    [TestCase("o4-mini")]
    [TestCase("openai/o3")]
    public async Task StreamAsync_ReasoningModel_Gets4096CompletionTokensAndNoTemperature(string model)
    {
        await CollectAsync(AnswerModel(Compatible(options => options.AnswerModel = model)).StreamAsync(Request(), CancellationToken.None));

        var body = JsonNode.Parse(_server.ChatRequests.Single().Body)!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["max_completion_tokens"]?.GetValue<int>(), Is.EqualTo(OpenAIAnswerModel.ReasoningMaxOutputTokens));
            Assert.That(body.ContainsKey("temperature"), Is.False);
            Assert.That(body.ContainsKey("max_tokens"), Is.False);
        }
    }

    [Test]
    public async Task StreamAsync_ProviderSendsNoUsage_YieldsTextOnly()
    {
        _server.OmitUsage = true;

        var deltas = await CollectAsync(AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(deltas), Is.EqualTo(Reply));
            Assert.That(deltas.OfType<AnswerUsageDelta>(), Is.Empty);
        }
    }

    [Test]
    public async Task StreamAsync_SlowTokensPastTheFirstTokenTimeout_StillComplete()
    {
        _server.ChunkCount = 8;
        _server.TokenDelay = TimeSpan.FromMilliseconds(200);
        var model = AnswerModel(Compatible(options => options.FirstTokenTimeoutSeconds = 1));
        var clock = Stopwatch.StartNew();

        var deltas = await CollectAsync(model.StreamAsync(Request(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(deltas), Is.EqualTo(Reply));
            Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.3)), "the stream outlasted the first-token timeout");
            Assert.That(_server.RequestCount, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task StreamAsync_TextArrivesAsItIsStreamed()
    {
        _server.ChunkCount = 4;
        _server.TokenDelay = TimeSpan.FromMilliseconds(400);
        var clock = Stopwatch.StartNew();
        var arrivals = new List<TimeSpan>();

        await foreach (var delta in AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None))
        {
            if (delta is AnswerTextDelta)
            {
                arrivals.Add(clock.Elapsed);
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(arrivals, Has.Count.EqualTo(4));
            Assert.That(arrivals[0], Is.LessThan(TimeSpan.FromMilliseconds(900)), "the first text is not held back until the end");
            Assert.That(arrivals[3] - arrivals[0], Is.GreaterThan(TimeSpan.FromMilliseconds(1000)));
        }
    }

    [Test]
    public async Task StreamAsync_RateLimitedOnce_WaitsForRetryAfterThenStreams()
    {
        _server.FailNext(1, 429, ("Retry-After", "1"));

        var deltas = await CollectAsync(AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None));

        var requests = _server.ChatRequests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(deltas), Is.EqualTo(Reply));
            Assert.That(requests, Has.Count.EqualTo(2));
            Assert.That(requests[1].At - requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "Retry-After was honoured");
        }
    }

    [Test]
    public void StreamAsync_ServerErrors_RetryTwiceThenUnavailable()
    {
        _server.AlwaysStatus = 500;

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(
            () => CollectAsync(AnswerModel(Compatible(options => options.MaxRetries = 2)).StreamAsync(Request(), CancellationToken.None)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("HTTP 500"));
            Assert.That(_server.RequestCount, Is.EqualTo(3));
        }
    }

    [Test]
    public void StreamAsync_ConsecutiveFailures_OpenTheCircuit_ThenFailFastWithoutCallingTheServer()
    {
        _server.AlwaysStatus = 503;
        var model = AnswerModel(Compatible(options =>
        {
            options.MaxRetries = 0;
            options.BreakerFailures = 5;
        }));
        for (var call = 0; call < 5; call++)
        {
            Assert.ThrowsAsync<ModelUnavailableException>(() => CollectAsync(model.StreamAsync(Request(), CancellationToken.None)));
        }

        var clock = Stopwatch.StartNew();
        var rejected = Assert.ThrowsAsync<ModelUnavailableException>(() => CollectAsync(model.StreamAsync(Request(), CancellationToken.None)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rejected.Message, Does.Contain("circuit open"));
            Assert.That(_server.RequestCount, Is.EqualTo(5), "the sixth call never reached the server");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(500)));
        }
    }

    [Test]
    public void StreamAsync_ConnectionCutMidAnswer_KeepsTheTextSoFar_ThenUnavailableWithoutRetry()
    {
        _server.CutStreamAfterChunks = 5;
        var deltas = new List<AnswerDelta>();

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(
            () => CollectAsync(AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None), deltas));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deltas.OfType<AnswerTextDelta>().Count(), Is.EqualTo(5));
            Assert.That(Reply.StartsWith(Text(deltas), StringComparison.Ordinal), Is.True, "the text so far is the answer's start");
            Assert.That(exception.Message, Does.Contain("connection lost").Or.Contain("network error"));
            Assert.That(_server.RequestCount, Is.EqualTo(1), "no retry once text was streamed");
        }
    }

    [Test]
    public void StreamAsync_ConnectionCutBeforeAnyText_IsRetried()
    {
        _server.CutStreamAfterChunks = 0;

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(
            () => CollectAsync(AnswerModel(Compatible(options => options.MaxRetries = 2)).StreamAsync(Request(), CancellationToken.None)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("connection lost").Or.Contain("network error"));
            Assert.That(_server.RequestCount, Is.EqualTo(3));
        }
    }

    [Test]
    public void StreamAsync_StreamEndsWithoutFinishing_IsUnavailable()
    {
        _server.EndStreamAfterChunks = 3;
        var deltas = new List<AnswerDelta>();

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(
            () => CollectAsync(AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None), deltas));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deltas.OfType<AnswerTextDelta>().Count(), Is.EqualTo(3));
            Assert.That(exception.Message, Does.Contain("ended before"));
        }
    }

    [Test]
    public void StreamAsync_MalformedChunk_IsUnavailable()
    {
        _server.MalformedChunkAfter = 3;
        var deltas = new List<AnswerDelta>();

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(
            () => CollectAsync(AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None), deltas));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deltas.OfType<AnswerTextDelta>().Count(), Is.EqualTo(3));
            Assert.That(exception.Message, Does.Contain("unreadable response"));
            Assert.That(_server.RequestCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void StreamAsync_NoFirstTokenInTime_RetriesThenUnavailable()
    {
        _server.FirstTokenDelay = TimeSpan.FromSeconds(5);
        var model = AnswerModel(Compatible(options =>
        {
            options.FirstTokenTimeoutSeconds = 1;
            options.MaxRetries = 1;
        }));
        var clock = Stopwatch.StartNew();

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(() => CollectAsync(model.StreamAsync(Request(), CancellationToken.None)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("timed out"));
            Assert.That(_server.RequestCount, Is.EqualTo(2));
            Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.9)).And.LessThan(TimeSpan.FromSeconds(4)));
        }
    }

    [Test]
    public void StreamAsync_AnswerOutlastsTheTotalBudget_IsUnavailableAfterItsText()
    {
        _server.ChunkCount = 10;
        _server.TokenDelay = TimeSpan.FromMilliseconds(300);
        var model = AnswerModel(Compatible(options => options.AnswerTimeoutSeconds = 1));
        var deltas = new List<AnswerDelta>();
        var clock = Stopwatch.StartNew();

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(() => CollectAsync(model.StreamAsync(Request(), CancellationToken.None), deltas));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("timed out"));
            Assert.That(deltas.OfType<AnswerTextDelta>().Count(), Is.InRange(2, 5));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        }
    }

    [TestCase("content_filter")]
    [TestCase("invalid_prompt")]
    [TestCase("content_policy_violation")]
    public void StreamAsync_ProviderRejectsTheContent_IsRejectedWithoutRetry(string code)
    {
        _server.ContentFilterNext(1, code);

        var exception = Assert.ThrowsAsync<ModelContentRejectedException>(
            () => CollectAsync(AnswerModel(Compatible(options => options.MaxRetries = 2)).StreamAsync(Request(), CancellationToken.None)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("refused the content"));
            Assert.That(_server.RequestCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void StreamAsync_OtherBadRequest_IsUnavailableNotRejected()
    {
        _server.AlwaysStatus = 400;

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(
            () => CollectAsync(AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None)));

        Assert.That(exception.Message, Does.Contain("HTTP 400"));
    }

    [Test]
    public void StreamAsync_ContentFilterFinishBeforeAnyText_IsRejected()
    {
        _server.ContentFilterAfterChunks = 0;

        Assert.ThrowsAsync<ModelContentRejectedException>(
            () => CollectAsync(AnswerModel(Compatible(options => options.MaxRetries = 2)).StreamAsync(Request(), CancellationToken.None)));

        Assert.That(_server.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public void StreamAsync_ContentFilterStopsTheAnswer_KeepsTheTextSoFar_ThenRejected()
    {
        _server.ContentFilterAfterChunks = 4;
        var deltas = new List<AnswerDelta>();

        Assert.ThrowsAsync<ModelContentRejectedException>(
            () => CollectAsync(AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None), deltas));

        Assert.That(deltas.OfType<AnswerTextDelta>().Count(), Is.EqualTo(4));
    }

    [Test]
    public async Task StreamAsync_ContentRejections_DoNotOpenTheCircuit()
    {
        var model = AnswerModel(Compatible(options =>
        {
            options.MaxRetries = 0;
            options.BreakerFailures = 2;
        }));
        _server.ContentFilterNext(3);
        for (var call = 0; call < 3; call++)
        {
            Assert.ThrowsAsync<ModelContentRejectedException>(() => CollectAsync(model.StreamAsync(Request(), CancellationToken.None)));
        }

        var deltas = await CollectAsync(model.StreamAsync(Request(), CancellationToken.None));

        Assert.That(Text(deltas), Is.EqualTo(Reply));
    }

    [Test]
    public async Task StreamAsync_CallerCancelsMidAnswer_ThrowsOperationCanceledAndAbortsTheCall()
    {
        _server.TokenDelay = TimeSpan.FromMilliseconds(200);
        using var cancellation = new CancellationTokenSource();
        var deltas = new List<AnswerDelta>();

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var delta in AnswerModel(Compatible()).StreamAsync(Request(), cancellation.Token))
            {
                deltas.Add(delta);
                await cancellation.CancelAsync();
            }
        });

        await WaitUntil(() => _server.ChatsAbortedByClient == 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deltas, Has.Count.EqualTo(1));
            Assert.That(_server.ChatsAbortedByClient, Is.EqualTo(1), "the HTTP call was aborted");
        }
    }

    [Test]
    public async Task StreamAsync_CallerCancelsBeforeTheFirstToken_ThrowsOperationCanceledWithoutRetry()
    {
        _server.FirstTokenDelay = TimeSpan.FromSeconds(5);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        Assert.CatchAsync<OperationCanceledException>(
            () => CollectAsync(AnswerModel(Compatible(options => options.MaxRetries = 2)).StreamAsync(Request(), cancellation.Token)));

        await WaitUntil(() => _server.ChatsAbortedByClient == 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
            Assert.That(_server.RequestCount, Is.EqualTo(1));
            Assert.That(_server.ChatsAbortedByClient, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task StreamAsync_ConsumerStopsEarly_AbortsTheCall()
    {
        _server.TokenDelay = TimeSpan.FromMilliseconds(100);

        await foreach (var delta in AnswerModel(Compatible()).StreamAsync(Request(), CancellationToken.None))
        {
            break;
        }

        await WaitUntil(() => _server.ChatsAbortedByClient == 1);
        Assert.That(_server.ChatsAbortedByClient, Is.EqualTo(1));
    }

    [Test]
    public async Task StreamAsync_Azure_StreamsFromTheDeploymentWithTheApiKeyHeader()
    {
        var options = new ModelOptions
        {
            Provider = ModelProvider.Azure, Endpoint = _server.BaseUri.AbsoluteUri, ApiKey = "azure-key", AnswerModel = "my-answers",
        };

        var deltas = await CollectAsync(AnswerModel(options).StreamAsync(Request(), CancellationToken.None));

        var request = _server.ChatRequests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(deltas), Is.EqualTo(Reply));
            Assert.That(deltas.OfType<AnswerUsageDelta>().Single().Usage.Model, Is.EqualTo("my-answers"));
            Assert.That(request.PathAndQuery, Does.StartWith("/openai/deployments/my-answers/chat/completions?api-version="));
            Assert.That(request.ApiKey, Is.EqualTo("azure-key"));
        }
    }

    [TestCase("gpt-5-mini", "max_completion_tokens", 4096)]
    [TestCase("my-gpt-4o", "max_tokens", 800)]
    public async Task StreamAsync_Azure_SendsTheLimitInTheMemberTheDeploymentAccepts(string deployment, string member, int limit)
    {
        var options = new ModelOptions
        {
            Provider = ModelProvider.Azure, Endpoint = _server.BaseUri.AbsoluteUri, ApiKey = "azure-key", AnswerModel = deployment,
        };

        var deltas = await CollectAsync(AnswerModel(options).StreamAsync(Request(), CancellationToken.None));

        var body = JsonNode.Parse(_server.ChatRequests.Single().Body)!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(deltas), Is.EqualTo(Reply));
            Assert.That(body[member]?.GetValue<int>(), Is.EqualTo(limit));
            Assert.That(body.Count(property => property.Key.StartsWith("max_", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(body["stream_options"]?["include_usage"]?.GetValue<bool>(), Is.True);
        }
    }

    [Test]
    public void AnswerModel_ProviderNone_IsNotConfigured()
    {
        var model = AnswerModel(new ModelOptions { Provider = ModelProvider.None });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.IsConfigured, Is.False);
            Assert.That(model.ModelName, Is.Null);
            Assert.ThrowsAsync<InvalidOperationException>(() => CollectAsync(model.StreamAsync(Request(), CancellationToken.None)));
        }
    }

    [Test]
    public void AnswerModel_Configured_NamesItsModel()
    {
        var model = AnswerModel(Compatible());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.IsConfigured, Is.True);
            Assert.That(model.ModelName, Is.EqualTo("fake-answer"));
            Assert.That(AnswerModel(Compatible(options => options.AnswerModel = "")).IsConfigured, Is.False);
        }
    }

    [Test]
    public void NoAnswerModel_IsNotConfiguredAndRefusesToStream()
    {
        var model = new NoAnswerModel();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.IsConfigured, Is.False);
            Assert.That(model.ModelName, Is.Null);
            Assert.Throws<InvalidOperationException>(() => model.StreamAsync(Request(), CancellationToken.None));
        }
    }

    private ModelOptions Compatible(Action<ModelOptions>? configure = null)
    {
        var options = new ModelOptions
        {
            Provider = ModelProvider.OpenAICompatible, Endpoint = _server.OpenAIEndpoint, AnswerModel = "fake-answer",
        };
        configure?.Invoke(options);
        return options;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }
    }
}
