using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using static Chat9.Infrastructure.UnitTests.Models.ModelTesting;

using Chat9.Testing;

namespace Chat9.Infrastructure.UnitTests.Models;

/// <summary>The embedding adapter with the real OpenAI SDK against <see cref="FakeOpenAIServer"/> on 127.0.0.1.</summary>
public sealed class OpenAIEmbeddingModelTests
{
    private FakeOpenAIServer _server = null!;

    [SetUp]
    public async Task StartServer() => _server = await FakeOpenAIServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task EmbedAsync_SimilarTexts_AreCloserThanUnrelatedOnes()
    {
        var model = EmbeddingModel(Compatible());

        var vectors = await model.EmbedAsync(
            ["How do I reset my password?", "How to reset a forgotten password", "Shipping takes three business days"],
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(vectors, Has.Count.EqualTo(3).And.All.Length.EqualTo(FakeOpenAIServer.Dimensions));
            Assert.That(Cosine(vectors[0], vectors[1]), Is.GreaterThan(Cosine(vectors[0], vectors[2]) + 0.3));
            Assert.That(JsonNode.Parse(_server.Requests.Single().Body)!["model"]!.GetValue<string>(), Is.EqualTo("fake-embedding"));
            Assert.That(_server.Requests.Single().PathAndQuery, Is.EqualTo("/v1/embeddings"));
        }
    }

    [Test]
    public async Task EmbedAsync_MoreThanOneBatch_SendsTwoRequestsAndKeepsTheOrder()
    {
        var texts = Enumerable.Range(0, 150).Select(i => $"chunk number{i} about topic{i % 7}").ToList();

        var vectors = await EmbeddingModel(Compatible()).EmbedAsync(texts, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_server.RequestCount, Is.EqualTo(2));
            Assert.That(_server.Requests.Select(request => JsonNode.Parse(request.Body)!["input"]!.AsArray().Count), Is.EqualTo(new[] { 96, 54 }));
            Assert.That(vectors, Has.Count.EqualTo(texts.Count));
            for (var i = 0; i < texts.Count; i++)
            {
                Assert.That(vectors[i], Is.EqualTo(FakeOpenAIServer.Embed(texts[i])).Within(1e-6), $"text {i}");
            }
        }
    }

    [Test]
    public async Task EmbedAsync_SendsTheApiKeyAsBearerToken()
    {
        await EmbeddingModel(Compatible(options => options.ApiKey = "sk-test-123")).EmbedAsync(["hello"], CancellationToken.None);

        Assert.That(_server.Requests.Single().Authorization, Is.EqualTo("Bearer sk-test-123"));
    }

    [Test]
    public async Task EmbedAsync_CompatibleServerWithoutKey_Works()
    {
        var vectors = await EmbeddingModel(Compatible(options => options.ApiKey = null)).EmbedAsync(["hello"], CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(vectors.Single(), Is.EqualTo(FakeOpenAIServer.Embed("hello")).Within(1e-6));
            Assert.That(_server.Requests.Single().Authorization, Does.StartWith("Bearer "));
        }
    }

    [Test]
    public async Task EmbedAsync_Azure_CallsTheDeploymentWithTheApiKeyHeader()
    {
        var options = new ModelOptions
        {
            Provider = ModelProvider.Azure, Endpoint = _server.BaseUri.AbsoluteUri, ApiKey = "azure-key", EmbeddingModel = "my-embeddings",
        };

        var vectors = await EmbeddingModel(options).EmbedAsync(["hello world"], CancellationToken.None);

        var request = _server.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(vectors.Single(), Is.EqualTo(FakeOpenAIServer.Embed("hello world")).Within(1e-6));
            Assert.That(request.PathAndQuery, Does.StartWith("/openai/deployments/my-embeddings/embeddings?api-version="));
            Assert.That(request.ApiKey, Is.EqualTo("azure-key"));
        }
    }

    [Test]
    public async Task EmbedAsync_RateLimitedOnce_WaitsForRetryAfterThenSucceeds()
    {
        _server.FailNext(1, 429, ("Retry-After", "1"));

        var vectors = await EmbeddingModel(Compatible()).EmbedAsync(["hello"], CancellationToken.None);

        var requests = _server.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(vectors, Has.Count.EqualTo(1));
            Assert.That(requests, Has.Count.EqualTo(2));
            Assert.That(requests[1].At - requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "the 10 ms backoff was not used");
        }
    }

    [Test]
    public async Task EmbedAsync_RateLimitedWithRetryAfterMs_WaitsThatLong()
    {
        _server.FailNext(1, 429, ("retry-after-ms", "300"));

        await EmbeddingModel(Compatible()).EmbedAsync(["hello"], CancellationToken.None);

        var requests = _server.Requests;
        Assert.That(requests[1].At - requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)));
    }

    [TestCase("30")]
    [TestCase("Fri, 01 Jan 2100 00:00:00 GMT")]
    public void EmbedAsync_RetryAfterBeyondTenSeconds_FailsWithoutWaiting(string retryAfter)
    {
        _server.FailNext(1, 429, ("Retry-After", retryAfter));
        var model = EmbeddingModel(Compatible());
        var clock = Stopwatch.StartNew();

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(() => model.EmbedAsync(["hello"], CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("HTTP 429"));
            Assert.That(_server.RequestCount, Is.EqualTo(1));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        }
    }

    [Test]
    public void EmbedAsync_ServerErrors_FailAfterOneAttemptPlusMaxRetriesWithGrowingBackoff()
    {
        _server.AlwaysStatus = 500;
        var options = Compatible(options => options.MaxRetries = 2);
        var model = EmbeddingModel(options, Resilience(options, retryBaseDelayMs: 50));

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(() => model.EmbedAsync(["hello"], CancellationToken.None));

        var requests = _server.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("HTTP 500"));
            Assert.That(requests, Has.Count.EqualTo(3));
            // Backoff: base × 4^retry, ±20 % jitter; timers may fire up to a millisecond early.
            Assert.That(requests[1].At - requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(35)), "first backoff ≈ base");
            Assert.That(requests[2].At - requests[1].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150)), "second backoff ≈ 4 × base");
        }
    }

    [Test]
    public async Task EmbedAsync_FiveConsecutiveFailedCalls_OpenTheCircuitUntilTheBreakEnds()
    {
        _server.AlwaysStatus = 503;
        var model = EmbeddingModel(Compatible(options =>
        {
            options.MaxRetries = 0;
            options.BreakerOpenSeconds = 1;
        }));
        for (var call = 0; call < 5; call++)
        {
            Assert.ThrowsAsync<ModelUnavailableException>(() => model.EmbedAsync(["hello"], CancellationToken.None));
        }

        var rejected = Assert.ThrowsAsync<ModelUnavailableException>(() => model.EmbedAsync(["hello"], CancellationToken.None));
        var requestsWhileOpen = _server.RequestCount;
        _server.AlwaysStatus = null;
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var vectors = await model.EmbedAsync(["hello"], CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rejected.Message, Does.Contain("circuit open"));
            Assert.That(requestsWhileOpen, Is.EqualTo(5), "the sixth call never reached the server");
            Assert.That(vectors, Has.Count.EqualTo(1));
            Assert.That(_server.RequestCount, Is.EqualTo(6));
        }
    }

    [Test]
    public void EmbedAsync_SlowServer_TimesOutAfterTheEmbeddingTimeout()
    {
        _server.ResponseDelay = TimeSpan.FromSeconds(3);
        var model = EmbeddingModel(Compatible(options =>
        {
            options.EmbeddingTimeoutSeconds = 1;
            options.MaxRetries = 0;
        }));
        var clock = Stopwatch.StartNew();

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(() => model.EmbedAsync(["hello"], CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("timed out"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2.5)));
        }
    }

    [Test]
    public void EmbedAsync_MalformedJson_IsUnavailable()
    {
        _server.MalformedJson = true;

        Assert.ThrowsAsync<ModelUnavailableException>(() => EmbeddingModel(Compatible()).EmbedAsync(["hello"], CancellationToken.None));
    }

    [Test]
    public void EmbedAsync_FewerEmbeddingsThanInputs_IsUnavailable()
    {
        _server.MissingEmbeddings = 1;

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(
            () => EmbeddingModel(Compatible()).EmbedAsync(["one", "two", "three"], CancellationToken.None));

        Assert.That(exception.Message, Does.Contain("2 embeddings for 3 inputs"));
    }

    [Test]
    public void EmbedAsync_Unauthorized_IsUnavailableWithoutRetry()
    {
        _server.AlwaysStatus = 401;

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(
            () => EmbeddingModel(Compatible(options => options.MaxRetries = 2)).EmbedAsync(["hello"], CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("HTTP 401"));
            Assert.That(_server.RequestCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void EmbedAsync_NothingListening_IsUnavailable()
    {
        var options = Compatible(options => options.Endpoint = $"http://127.0.0.1:{UnusedPort()}/v1");

        var exception = Assert.ThrowsAsync<ModelUnavailableException>(() => EmbeddingModel(options).EmbedAsync(["hello"], CancellationToken.None));

        Assert.That(exception.Message, Does.Contain("network error"));
    }

    [Test]
    public void EmbedAsync_CallerCancels_ThrowsOperationCanceled()
    {
        _server.ResponseDelay = TimeSpan.FromSeconds(3);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.CatchAsync<OperationCanceledException>(() => EmbeddingModel(Compatible()).EmbedAsync(["hello"], cancellation.Token));
    }

    [Test]
    public async Task EmbedAsync_NoTexts_ReturnsNothingWithoutACall()
    {
        var vectors = await EmbeddingModel(Compatible()).EmbedAsync([], CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(vectors, Is.Empty);
            Assert.That(_server.RequestCount, Is.Zero);
        }
    }

    [Test]
    public void EmbeddingModel_ProviderNone_IsNotConfigured()
    {
        var model = EmbeddingModel(new ModelOptions { Provider = ModelProvider.None });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.IsConfigured, Is.False);
            Assert.That(model.ModelName, Is.Null);
            Assert.ThrowsAsync<InvalidOperationException>(() => model.EmbedAsync(["hello"], CancellationToken.None));
        }
    }

    [Test]
    public void EmbeddingModel_NoEmbeddingModelName_IsNotConfigured()
    {
        var model = EmbeddingModel(Compatible(options => options.EmbeddingModel = " "));

        Assert.That(model.IsConfigured, Is.False);
    }

    [Test]
    public void EmbedAsync_InvalidConfiguration_ThrowsInvalidOperationRatherThanUnavailable()
    {
        var model = EmbeddingModel(new ModelOptions { Provider = ModelProvider.OpenAI, ApiKey = null });

        var exception = Assert.ThrowsAsync<InvalidOperationException>(() => model.EmbedAsync(["hello"], CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.IsConfigured, Is.True);
            Assert.That(model.ModelName, Is.EqualTo("text-embedding-3-small"));
            Assert.That(exception.Message, Does.Contain("Models:ApiKey"));
        }
    }

    private ModelOptions Compatible(Action<ModelOptions>? configure = null)
    {
        var options = new ModelOptions
        {
            Provider = ModelProvider.OpenAICompatible, Endpoint = _server.OpenAIEndpoint, EmbeddingModel = "fake-embedding",
        };
        configure?.Invoke(options);
        return options;
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
