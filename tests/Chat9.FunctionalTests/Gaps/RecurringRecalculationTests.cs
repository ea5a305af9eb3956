using System.Text.Json;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Gaps;

/// <summary>The worker queues the recurring recalculation of every active bot by itself (<c>Jobs:ScheduleCheckSeconds</c>,
/// <c>Gaps:RecalculateHours</c> shortened to under two seconds).</summary>
public sealed class RecurringRecalculationTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Jobs:ScheduleCheckSeconds"] = "0.5",
        ["Gaps:RecalculateHours"] = "0.0005",
    };

    [Test]
    public async Task Gaps_are_recalculated_without_being_asked()
    {
        var bot = await CreateBotAsync("Recurring");
        using var client = ClientWithKey(bot.ApiKey);
        foreach (var question in new[] { "Is there a dark mode?", "How do I switch on dark mode?" })
        {
            await AskAsync(client, question);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement summary;
        do
        {
            await Task.Delay(200);
            summary = await ReadJsonAsync(await client.GetAsync("/gap-analyzer/summary"));
        }
        while (summary.GetProperty("active").GetInt32() == 0 && DateTime.UtcNow < deadline);

        Assert.That(summary.GetProperty("active").GetInt32(), Is.EqualTo(1), "a recalculation ran on its own: " + summary);
        Assert.That(summary.GetProperty("last_recalculated_at").ValueKind, Is.EqualTo(JsonValueKind.String));
    }
}
