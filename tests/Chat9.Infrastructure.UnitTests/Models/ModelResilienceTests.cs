using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Models;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using static Chat9.Infrastructure.UnitTests.Models.ModelTesting;

namespace Chat9.Infrastructure.UnitTests.Models;

/// <summary>The model pipelines' rules (limits.md "Model calls"), with callbacks in place of a provider.</summary>
public sealed class ModelResilienceTests
{
    private static readonly ModelOptions NoRetries = new() { MaxRetries = 0, BreakerFailures = 5, BreakerOpenSeconds = 30 };

    private SteppedClock _clock = null!;
    private int _calls;

    [SetUp]
    public void Reset()
    {
        _clock = new SteppedClock();
        _calls = 0;
    }

    [Test]
    public void ConsecutiveFailures_OpenTheCircuitForTheBreak_ThenOneTrialDecides()
    {
        var pipeline = Resilience(NoRetries, _clock).For(ModelPurpose.Embedding);
        for (var i = 0; i < 5; i++)
        {
            Assert.ThrowsAsync<HttpRequestException>(() => Call(pipeline, fail: true));
        }

        var whileOpen = Assert.ThrowsAsync<BrokenCircuitException>(() => Call(pipeline, fail: false));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.ThrowsAsync<HttpRequestException>(() => Call(pipeline, fail: true), "the trial call goes through");
        Assert.ThrowsAsync<BrokenCircuitException>(() => Call(pipeline, fail: false), "a failed trial opens the circuit again");
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.DoesNotThrowAsync(() => Call(pipeline, fail: false));
        Assert.DoesNotThrowAsync(() => Call(pipeline, fail: false), "a successful trial closes the circuit");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileOpen.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(_calls, Is.EqualTo(8));
        }
    }

    [Test]
    public async Task HalfOpenCircuit_LetsOneTrialThroughAtATime()
    {
        var pipeline = Resilience(NoRetries, _clock).For(ModelPurpose.Embedding);
        await FailTimes(pipeline, 5);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var release = new TaskCompletionSource<int>();

        var trial = pipeline.ExecuteAsync(_ => new ValueTask<int>(release.Task)).AsTask();
        Assert.ThrowsAsync<BrokenCircuitException>(() => Call(pipeline, fail: false), "a second call while the trial runs");
        release.SetResult(0);
        await trial;

        Assert.DoesNotThrowAsync(() => Call(pipeline, fail: false));
    }

    [Test]
    public async Task ConsecutiveFailures_ASuccessInBetween_StartsTheCountAgain()
    {
        var pipeline = Resilience(NoRetries, _clock).For(ModelPurpose.Embedding);
        await FailTimes(pipeline, 4);
        await Call(pipeline, fail: false);
        await FailTimes(pipeline, 4);

        Assert.DoesNotThrowAsync(() => Call(pipeline, fail: false));
    }

    [Test]
    public async Task HalfOfTenCallsFailing_OpensTheCircuit()
    {
        var pipeline = Resilience(NoRetries, _clock).For(ModelPurpose.Embedding);
        for (var i = 0; i < 4; i++)
        {
            await Call(pipeline, fail: false);
            await FailTimes(pipeline, 1);
        }

        await Call(pipeline, fail: false);
        Assert.ThrowsAsync<HttpRequestException>(() => Call(pipeline, fail: true), "the tenth call still runs");

        Assert.ThrowsAsync<BrokenCircuitException>(() => Call(pipeline, fail: false));
    }

    [Test]
    public void NonTransientFailures_NeitherRetryNorOpenTheCircuit()
    {
        var pipeline = Resilience(new ModelOptions { MaxRetries = 2 }, _clock).For(ModelPurpose.Embedding);
        for (var i = 0; i < 6; i++)
        {
            Assert.ThrowsAsync<ArgumentException>(() => pipeline.ExecuteAsync(_ => Invoke(new ArgumentException("bad input"))).AsTask());
        }

        Assert.That(_calls, Is.EqualTo(6));
    }

    [Test]
    public async Task TransientFailures_AreRetriedUpToMaxRetries()
    {
        var pipeline = Resilience(new ModelOptions { MaxRetries = 2 }, _clock).For(ModelPurpose.Embedding);

        var result = await pipeline.ExecuteAsync(_ => _calls < 2 ? Invoke(new HttpRequestException("reset")) : Invoke(null));

        Assert.That((result, _calls), Is.EqualTo((3, 3)));
    }

    [Test]
    public void Breakers_CountAttempts_AndRetriesStopAtAnOpenCircuit()
    {
        var pipeline = Resilience(new ModelOptions { MaxRetries = 2, BreakerFailures = 5 }, _clock).For(ModelPurpose.Embedding);

        Assert.ThrowsAsync<HttpRequestException>(() => Call(pipeline, fail: true));
        Assert.ThrowsAsync<BrokenCircuitException>(() => Call(pipeline, fail: true));

        Assert.That(_calls, Is.EqualTo(5));
    }

    [Test]
    public async Task Pipelines_AreSharedPerPurpose_WithTheirOwnBreakers()
    {
        var resilience = Resilience(NoRetries, _clock);
        var embedding = resilience.For(ModelPurpose.Embedding);
        await FailTimes(embedding, 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resilience.For(ModelPurpose.Embedding), Is.SameAs(embedding));
            Assert.ThrowsAsync<BrokenCircuitException>(() => Call(resilience.For(ModelPurpose.Embedding), fail: false));
            Assert.DoesNotThrowAsync(() => Call(resilience.For(ModelPurpose.Guard), fail: false));
        }
    }

    [Test]
    public void Guard_TimesOutAfterGuardTimeoutSeconds()
    {
        var pipeline = Resilience(new ModelOptions { MaxRetries = 0, GuardTimeoutSeconds = 1, EmbeddingTimeoutSeconds = 10 })
            .For(ModelPurpose.Guard);
        var started = DateTime.UtcNow;

        Assert.ThrowsAsync<TimeoutRejectedException>(() => pipeline.ExecuteAsync(token => new ValueTask(Task.Delay(TimeSpan.FromSeconds(5), token))).AsTask());

        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    private Task<int> Call(ResiliencePipeline pipeline, bool fail) =>
        pipeline.ExecuteAsync(_ => Invoke(fail ? new HttpRequestException("connection refused") : null)).AsTask();

    private async Task FailTimes(ResiliencePipeline pipeline, int times)
    {
        for (var i = 0; i < times; i++)
        {
            try
            {
                await Call(pipeline, fail: true);
            }
            catch (HttpRequestException)
            {
                // Expected: the point is the failure the breakers see.
            }
        }
    }

    /// <summary>Counts the call, then fails with <paramref name="exception"/> or returns the call count.</summary>
    private ValueTask<int> Invoke(Exception? exception)
    {
        _calls++;
        return exception is null ? ValueTask.FromResult(_calls) : ValueTask.FromException<int>(exception);
    }
}
