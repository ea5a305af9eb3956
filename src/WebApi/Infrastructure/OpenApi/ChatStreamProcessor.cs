using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Chat9.WebApi.Infrastructure.OpenApi;

/// <summary>Marks an endpoint whose 200 answer is (or can be) the SSE answer stream of sse.md.</summary>
/// <param name="ManagementHeaders">Documents the request headers of <c>POST /chat</c> (<c>Accept</c>, <c>X-Browser-Locale</c>, <c>Idempotency-Key</c>).</param>
public sealed record EventStreamMetadata(bool ManagementHeaders);

/// <summary>
/// Describes the answer stream in OpenAPI: a <c>text/event-stream</c> 200 response (the framing is explained, since
/// OpenAPI has no schema language for SSE) and, for <c>POST /chat</c>, its request headers.
/// </summary>
internal sealed class ChatStreamProcessor : IOperationProcessor
{
    private const string StreamDescription =
        "Server-Sent Events (sse.md): one `data: {json}` line per frame and a blank line. Frames: " +
        "`{\"type\":\"status\",\"stage\":\"thinking|searching|writing\"}`, `{\"type\":\"chunk\",\"text\":…}`, then exactly one of " +
        "`{\"type\":\"done\",\"text\",\"session_id\",\"message_id\",\"chat_ended\",\"ticket_number\"?,\"sources\"?}` or " +
        "`{\"type\":\"error\",\"code\":422|503|500,\"message\"}`. `: ping` comments are heartbeats.";

    public bool Process(OperationProcessorContext context)
    {
        var metadata = (context as AspNetCoreOperationProcessorContext)?.ApiDescription.ActionDescriptor.EndpointMetadata ?? [];
        if (metadata.OfType<EventStreamMetadata>().FirstOrDefault() is not { } stream)
        {
            return true;
        }

        var operation = context.OperationDescription.Operation;
        if (!operation.Responses.TryGetValue("200", out var ok))
        {
            ok = new OpenApiResponse();
            operation.Responses["200"] = ok;
        }

        ok.Description = stream.ManagementHeaders
            ? "The answer: JSON by default; the SSE answer stream with `Accept: text/event-stream`. " + StreamDescription
            : StreamDescription;
        ok.Content["text/event-stream"] = new OpenApiMediaType { Schema = new JsonSchema { Type = JsonObjectType.String } };

        if (stream.ManagementHeaders)
        {
            AddHeader(operation, "Accept", "`text/event-stream` for the SSE answer stream; otherwise JSON.");
            AddHeader(operation, "X-Browser-Locale", "The end user's locale (BCP 47), a language hint.");
            AddHeader(operation, "Idempotency-Key", "1–255 printable ASCII characters: the request is remembered for 24 h (replay, 409 idempotency_in_flight, 422 idempotency_key_reused).");
        }

        return true;
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description) =>
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            Kind = OpenApiParameterKind.Header,
            Description = description,
            Schema = new JsonSchema { Type = JsonObjectType.String },
        });
}
