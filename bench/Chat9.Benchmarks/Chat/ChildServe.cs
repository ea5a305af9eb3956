using System.Globalization;
using System.Runtime;
using Chat9.Testing;
using Chat9.WebApi.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Chat9.Benchmarks.Chat;

/// <summary>
/// The child-process side of <c>report chat</c>: <c>__serve chat9 &lt;server args…&gt;</c> (the real server, exactly as
/// <c>Program.cs</c> builds it), <c>__serve bare &lt;frames file&gt;</c> (a bare ASP.NET Core endpoint replaying a
/// captured Chat9 stream) or <c>__serve model &lt;reply&gt; &lt;capture file&gt;</c> (the fake OpenAI-compatible model).
/// Each prints one <c>BENCH-READY &lt;url&gt; …</c> line once it listens, and stops when its standard input closes.
/// </summary>
public static class ChildServe
{
    public const string ReadyPrefix = "BENCH-READY ";

    /// <summary>The log levels of src/WebApi/appsettings.json (the benchmark's children run without that file).</summary>
    public static readonly string[] ProductionLogging =
    [
        "--Logging:LogLevel:Default=Information",
        "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
        "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var stdinClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A dedicated thread, not a thread-pool one, waits for the parent to close our input.
        new Thread(() =>
        {
            Console.In.ReadToEnd();
            stdinClosed.TrySetResult();
        }) { IsBackground = true }.Start();

        switch (args)
        {
            case ["chat9", .. var serverArgs]:
            {
                var app = ServerHost.Build(serverArgs);
                await app.StartAsync();
                Ready(app.Urls.First());
                await stdinClosed.Task;
                await app.StopAsync();
                await app.DisposeAsync();
                return 0;
            }

            case ["bare", var framesFile, .. var bareOptions]:
            {
                // Optional: the pause before each chunk frame after the first, to pace like a model streaming tokens.
                var chunkDelay = TimeSpan.FromMilliseconds(bareOptions is [var ms, ..] ? double.Parse(ms, CultureInfo.InvariantCulture) : 0);
                var app = BareServer(File.ReadAllLines(framesFile), chunkDelay);
                await app.StartAsync();
                Ready(app.Urls.First());
                await stdinClosed.Task;
                await app.StopAsync();
                await app.DisposeAsync();
                return 0;
            }

            case ["model", var reply, var captureFile, .. var modelOptions]:
            {
                await using var model = await FakeOpenAIServer.StartAsync();
                var answers = 0;
                // Optional: the number of chunks and the pause before each chunk after the first (the token rate).
                model.ChunkCount = modelOptions is [var chunks, ..] ? int.Parse(chunks, CultureInfo.InvariantCulture) : 20;
                model.TokenDelay = TimeSpan.FromMilliseconds(modelOptions is [_, var tokenMs, ..] ? double.Parse(tokenMs, CultureInfo.InvariantCulture) : 0);
                model.ChatResponder = request =>
                {
                    var count = Interlocked.Increment(ref answers);
                    if (count == 1)
                    {
                        // The body Chat9 sends, so the model-only run can send exactly the same request.
                        File.WriteAllText(captureFile, request.Body.ToJsonString());
                    }

                    if (count % 256 == 0)
                    {
                        // The fake keeps every request body for test assertions; a long benchmark must not.
                        model.ClearRequests();
                    }

                    return reply;
                };
                Ready(model.BaseUri.AbsoluteUri.TrimEnd('/'));
                await stdinClosed.Task;
                Console.WriteLine($"model answers: {Volatile.Read(ref answers)}");
                return 0;
            }

            default:
                await Console.Error.WriteLineAsync("usage: __serve chat9 <args…> | bare <frames file> [chunk delay ms] | model <reply> <capture file> [chunks] [token delay ms]");
                return 2;
        }
    }

    private static void Ready(string url, string note = "") =>
        Console.WriteLine($"{ReadyPrefix}{url} server-gc={GCSettings.IsServerGC} pid={Environment.ProcessId}{note}");

    /// <summary>
    /// <c>POST /bare</c>: reads the request body, sends the same response headers as Chat9's stream, then writes the
    /// given frames (one <c>data: …</c> line each) with a flush per frame, as <c>ServerSentEventWriter</c> does. No
    /// authentication, no database, no model: the floor for "an ASP.NET Core endpoint that streams these frames".
    /// </summary>
    private static WebApplication BareServer(string[] frameLines, TimeSpan chunkDelay)
    {
        var isChunk = frameLines.Where(l => l.Length > 0).Select(l => l.StartsWith("data: {\"type\":\"chunk\"", StringComparison.Ordinal)).ToArray();
        var frames = frameLines.Where(l => l.Length > 0).Select(l => System.Text.Encoding.UTF8.GetBytes(l + "\n\n")).ToArray();
        var builder = WebApplication.CreateBuilder(["--Urls=http://127.0.0.1:0", .. ProductionLogging]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        app.MapPost("/bare", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            var response = context.Response;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            response.Headers.Connection = "keep-alive";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.StartAsync(context.RequestAborted);
            var chunksSent = 0;
            for (var i = 0; i < frames.Length; i++)
            {
                if (isChunk[i] && chunksSent++ > 0 && chunkDelay > TimeSpan.Zero)
                {
                    await Task.Delay(chunkDelay, context.RequestAborted);
                }

                var frame = frames[i];
                await response.Body.WriteAsync(frame, context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
            }
        });
        return app;
    }
}
