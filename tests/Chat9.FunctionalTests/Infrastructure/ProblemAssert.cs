using System.Net;
using System.Text.Json;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>Checks the contract's error shape: problem+json, the status, a stable code, the urn type and a trace id, no stack trace.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo(code), body);
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo($"urn:chat9:problem:{code}"));
            Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("trace_id").GetString(), Is.Not.Empty);
            Assert.That(body, Does.Not.Contain(" at Chat9.").And.Not.Contain("Exception"), "No stack traces or exception names in problems");
        }

        return problem;
    }

    /// <summary>A 422 validation_failed whose <c>errors</c> names <paramref name="field"/>.</summary>
    public static async Task<JsonElement> IsValidationFailureAsync(HttpResponseMessage response, string field)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out var messages), Is.True, $"errors should name '{field}': {problem}");
        Assert.That(messages.GetArrayLength(), Is.GreaterThan(0));
        return problem;
    }
}
