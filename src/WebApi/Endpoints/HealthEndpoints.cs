using Chat9.WebApi.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat9.WebApi.Endpoints;

/// <summary>Liveness and readiness for load balancers and orchestrators.</summary>
public sealed class HealthEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Operations").AllowAnonymous();

        group.MapGet("", () => TypedResults.Ok(new HealthResponse("ok")))
            .WithName("Liveness")
            .WithSummary("Liveness: the process answers.");

        group.MapGet("/ready", async Task<IResult> (HealthCheckService health, CancellationToken ct) =>
            {
                var report = await health.CheckHealthAsync(ct);
                return report.Status == HealthStatus.Healthy
                    ? TypedResults.Ok(new HealthResponse("ok"))
                    : TypedResults.Json(new HealthResponse("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("Readiness")
            .WithSummary("Readiness: 200 when the database answers, else 503.")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthResponse(string Status);
