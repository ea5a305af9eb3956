using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Hostile;

public sealed partial class HostileInputTests
{
    /// <summary>A new endpoint fails here until the hostile table says what its ids name and what a valid body is.</summary>
    [Test]
    public void Every_live_endpoint_has_a_row_in_the_hostile_table_and_nothing_else_does()
    {
        var live = HostileRoutes.LiveEndpoints(Factory.Services);
        var table = HostileRoutes.Table.Select(r => r.Key).ToList();

        Assert.That(table, Is.Unique);
        Assert.That(live.Keys.Except(table), Is.Empty, "endpoints without hostile coverage: add them to HostileRoutes.Table");
        Assert.That(table.Except(live.Keys), Is.Empty, "table rows for endpoints the server no longer maps");
        Assert.That(Routes, Has.Count.EqualTo(live.Count));
    }

    /// <summary>The table's facts agree with the endpoints: body kind, path parameters, and every query parameter has a kind.</summary>
    [Test]
    public void The_table_agrees_with_each_endpoints_signature()
    {
        var live = HostileRoutes.LiveEndpoints(Factory.Services);
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes)
            {
                var endpoint = live[route.Key];
                var handler = HostileRoutes.Handler(endpoint);
                Assert.That(HostileRoutes.BodyKindOf(handler), Is.EqualTo(route.Body), $"{route}: body kind");
                Assert.That(route.PathIds.Keys, Is.EquivalentTo(endpoint.RoutePattern.Parameters.Select(p => p.Name)), $"{route}: path ids");
                Assert.That(HostileRoutes.QueryNames(handler, endpoint).Where(n => !HostileRoutes.QueryKinds.ContainsKey(n)), Is.Empty, $"{route}: query parameters without a kind");
                Assert.That(route.HasJsonBody, Is.EqualTo(route.Fields.Count > 0), $"{route}: body members found by reflection");
                Assert.That(route.HasJsonBody || route.Body == BodyKind.Multipart, Is.EqualTo(route.BaselineBody is not null || route.Body == BodyKind.Multipart), $"{route}: a baseline body exactly where a JSON body is read");
            }
        }

        TestContext.Out.WriteLine(string.Join("\n", Routes.Select(r => $"{r.Key}  body={r.Body} fields=[{string.Join(", ", r.Fields)}] query=[{string.Join(", ", r.Query.Keys)}]")));
    }

    /// <summary>Every baseline request succeeds for its own bot: the families start from valid requests and change one thing.</summary>
    [Test]
    public async Task Every_baseline_request_succeeds_for_the_scratch_bot()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var route in Routes.Where(r => r.Body != BodyKind.Multipart))
            {
                var answer = await SendAsync(Baseline(route, C, safe: true) with { Label = $"baseline {route}" });
                if (route.Destructive)
                {
                    Assert.That(answer.Status, Is.EqualTo(route.Surface == Surface.Widget || route.PathIds.Values.Contains(IdKind.EscalationSession) ? 409 : 404), answer.Label);
                }
                else
                {
                    Assert.That(answer.Status, Is.InRange(200, 299).Or.EqualTo(409).Or.EqualTo(429).Or.EqualTo(422), $"{answer.Label}: {answer.Body}");
                }
            }
        }
    }
}
