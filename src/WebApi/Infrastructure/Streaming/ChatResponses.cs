using System.Text.Json.Serialization;
using System.Text.Json;
using Chat9.Application.Chat.Common;
using Chat9.Application.Common.Json;
using Chat9.Application.Common.Options;
using Chat9.Domain.Sessions;
using Chat9.Infrastructure.Streaming;
using Chat9.WebApi.Infrastructure.Json;
using Chat9.WebApi.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Infrastructure.Streaming;

/// <summary>
/// Turns the events of a chat turn into the HTTP answer: the SSE stream of sse.md, or (JSON clients of
/// <c>POST /chat</c>) one JSON body. <see cref="StartAsync"/> runs the turn up to <see cref="TurnAccepted"/> inside the
/// endpoint, so every up-front failure is still an ordinary problem+json response and never a 200 stream.
/// </summary>
public static class ChatResponses
{
    private static readonly JsonSerializerOptions FrameJson = new(Chat9Json.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>Runs the turn until it is accepted; the returned stream owns the rest of the enumeration.</summary>
    public static async Task<AcceptedTurn> StartAsync(IAsyncEnumerable<ChatEvent> events, CancellationToken cancellationToken)
    {
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        try
        {
            if (!await enumerator.MoveNextAsync() || enumerator.Current is not TurnAccepted accepted)
            {
                throw new InvalidOperationException("A chat turn must start with TurnAccepted.");
            }

            return new AcceptedTurn(accepted, enumerator);
        }
        catch
        {
            await enumerator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The SSE answer. <paramref name="managementFields"/> adds <c>source_documents</c> and <c>tokens_used</c> to <c>done</c> (<c>POST /chat</c>).</summary>
    public static IResult Stream(AcceptedTurn turn, bool managementFields) => new StreamResult(turn, managementFields);

    /// <summary>The JSON answer of <c>POST /chat</c>: 200 with the turn's result, or the problem of a failed turn.</summary>
    public static async Task<IResult> JsonAsync(AcceptedTurn turn, HttpContext context)
    {
        if (turn.Accepted.Replayed)
        {
            context.Response.Headers["Idempotency-Replayed"] = "true";
        }

        await using var events = turn.Events;
        while (await events.MoveNextAsync())
        {
            switch (events.Current)
            {
                case TurnCompleted completed:
                    // TurnResult is exactly the JSON answer of management-api.md.
                    return TypedResults.Ok(completed.Result);
                case TurnFailed failed:
                    return Problem.FromFailure(context, failed);
            }
        }

        throw new InvalidOperationException("A chat turn ended without done or error.");
    }

    private sealed class StreamResult(AcceptedTurn turn, bool managementFields) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            if (httpContext.Request.Protocol == "HTTP/1.1")
            {
                response.Headers.Connection = "keep-alive";
            }

            if (turn.Accepted.Replayed)
            {
                response.Headers["Idempotency-Replayed"] = "true";
            }

            httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
            var limits = httpContext.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
            var clock = httpContext.RequestServices.GetRequiredService<TimeProvider>();
            await response.StartAsync(httpContext.RequestAborted);

            await using var events = turn.Events;
            await using var writer = new ServerSentEventWriter(response.Body, TimeSpan.FromSeconds(limits.SseHeartbeatSeconds), clock);
            while (await events.MoveNextAsync())
            {
                var frame = Frame(events.Current, managementFields);
                if (frame is not null)
                {
                    await writer.WriteFrameAsync(JsonSerializer.SerializeToUtf8Bytes(frame, frame.GetType(), FrameJson), httpContext.RequestAborted);
                }

                if (!writer.IsConnected)
                {
                    // The client is gone: stop the turn; disposing the enumeration stores what was sent as interrupted.
                    break;
                }
            }
        }
    }

    private static object? Frame(ChatEvent chatEvent, bool managementFields) => chatEvent switch
    {
        StageReached stage => new StatusFrame(WireNames.Of(stage.Stage)),
        AnswerChunk chunk => new ChunkFrame(chunk.Text),
        TurnCompleted completed => DoneFrame.From(completed.Result, managementFields),
        TurnFailed failed => new ErrorFrame(ErrorCode(failed.Failure), failed.Message),
        _ => null,
    };

    public static int ErrorCode(TurnFailure failure) => failure switch
    {
        TurnFailure.ContentRejected => StatusCodes.Status422UnprocessableEntity,
        TurnFailure.ModelUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private sealed record StatusFrame(string Stage)
    {
        [JsonPropertyOrder(-1)]
        public string Type => "status";
    }

    private sealed record ChunkFrame(string Text)
    {
        [JsonPropertyOrder(-1)]
        public string Type => "chunk";
    }

    private sealed record ErrorFrame(int Code, string Message)
    {
        [JsonPropertyOrder(-1)]
        public string Type => "error";
    }

    /// <summary>The <c>done</c> frame: <c>ticket_number</c> and <c>sources</c> are omitted when empty (sse.md).</summary>
    private sealed record DoneFrame(
        string Text,
        Guid SessionId,
        Guid MessageId,
        bool ChatEnded,
        string? TicketNumber,
        IReadOnlyList<SourceReference>? Sources,
        IReadOnlyList<Guid>? SourceDocuments,
        int? TokensUsed)
    {
        [JsonPropertyOrder(-1)]
        public string Type => "done";

        public static DoneFrame From(TurnResult result, bool managementFields) => new(
            result.Text,
            result.SessionId,
            result.MessageId,
            result.ChatEnded,
            result.TicketNumber,
            result.Sources.Count == 0 ? null : result.Sources,
            managementFields ? result.SourceDocuments : null,
            managementFields ? result.TokensUsed : null);
    }
}

/// <summary>A turn past its up-front checks: the accepted event and the rest of the enumeration.</summary>
public sealed record AcceptedTurn(TurnAccepted Accepted, IAsyncEnumerator<ChatEvent> Events);
