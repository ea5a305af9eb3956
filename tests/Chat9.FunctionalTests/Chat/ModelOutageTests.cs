using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Testing;

namespace Chat9.FunctionalTests.Chat;

/// <summary>An answer model that keeps failing: every turn ends with 503, then the circuit opens and turns fail fast.</summary>
public sealed class ModelOutageTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => FakeAnswerModelSettings(
        _model, ("Models:MaxRetries", "0"), ("Models:BreakerFailures", "3"), ("Models:BreakerOpenSeconds", "60"));

    protected override async Task BeforeServerStartsAsync() => _model = await FakeOpenAIServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopModelAsync() => await _model.DisposeAsync();

    [Test]
    public async Task Repeated500s_EndEveryTurnWith503_ThenTheBreakerOpens_AndTheModelIsNoLongerCalled()
    {
        var bot = await NotewellBotAsync();
        using var client = NotewellClient(bot);
        _model.AlwaysStatus = 500;

        var frames = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");
            frames.Add(stream!.AssertWellFormed().Last.GetProperty("code").GetInt32());
        }

        var callsBefore = _model.ChatRequests.Count;
        var json = await client.PostAsync("/chat", Json(JsonSerializer.Serialize(new { question = "How long is the password reset link valid?" })));

        Assert.That(frames, Is.EqualTo(new[] { 503, 503, 503 }));
        await ProblemAssert.IsProblemAsync(json, HttpStatusCode.ServiceUnavailable, "model_unavailable");
        Assert.That(json.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60), "Retry-After while the circuit is open");
        Assert.That(_model.ChatRequests, Has.Count.EqualTo(callsBefore), "the open circuit fails fast without calling the provider");
    }
}
