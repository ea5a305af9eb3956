using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using System.Text.Json;
using Chat9.Application;
using Chat9.Domain.Sessions;
using Chat9.Infrastructure;
using Chat9.Infrastructure.Persistence;
using Chat9.Infrastructure.Search;
using Chat9.WebApi.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.Benchmarks.Chat;

/// <summary>
/// <c>report chat</c> (issue 4): whole chat turns over loopback HTTP against the real server with a knowledge base of
/// 20,000 chunks and a fake model that answers at once in 20 chunks, next to two baselines measured in the same run:
/// a bare ASP.NET Core endpoint streaming the same frames, and the fake model called directly. Every server is a child
/// process (<see cref="ChildServer"/>); this process is only the load generator.
/// </summary>
public static class ChatTurnReport
{
    /// <summary>The fake model's answer: no citation markers, so Chat9 streams it unchanged and <c>done.text</c> equals it.</summary>
    private const string Reply =
        "To export your notes, open Settings and choose Export. Pick the notebooks to include and the format you need; " +
        "the file is prepared in the background and a download link appears when it is ready. Large exports can take a " +
        "few minutes, and you can leave the page while it runs.";

    private const int Rounds = 2;
    private const int WarmupTurns = 200;
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(5);
    private static readonly int[] Concurrency = [1, 16];
    private static readonly string[] Stages = ["guard", "faq", "retrieval", "lexical", "fusion", "first_token", "generation", "total"];

    /// <param name="measured">Measured time per target and concurrency.</param>
    /// <param name="sqliteAnalyze">A what-if for the chunk-read hotspot (see docs/benchmarks.md): run SQLite's
    /// <c>ANALYZE</c> once the documents are ready, so the query planner reads the candidate chunks by primary key.</param>
    public static Task RunAsync(TimeSpan measured, bool sqliteAnalyze) =>
        BenchFolder.RunInAsync("chat9-bench-chat-", root => RunInAsync(root, measured, sqliteAnalyze));

    private static async Task RunInAsync(string root, TimeSpan measured, bool sqliteAnalyze)
    {
        Console.WriteLine();
        Console.WriteLine("## Chat turns (issue 4): POST /chat streaming, 20,000 chunks, fake model answering at once in 20 chunks");
        var setup = Stopwatch.StartNew();
        var knowledge = new BenchKnowledgeBase();
        var capturedRequest = Path.Combine(root, "model-request.json");
        await using var model = await ChildServer.StartAsync(root, "model", Reply, capturedRequest);

        var dataPath = Path.Combine(root, "data");
        var database = new Dictionary<string, string?> { ["Data:Path"] = dataPath, ["Database:Provider"] = "Sqlite" };
        await using var chat9 = await ChildServer.StartAsync(root,
        [
            "chat9", "--Urls=http://127.0.0.1:0", $"--Data:Path={dataPath}", "--Database:Provider=Sqlite", "--Demo:SeedOnFirstRun=false",
            "--Models:Provider=openai_compatible", $"--Models:Endpoint={model.BaseAddress}v1", "--Models:AnswerModel=fake-answer",
            "--Models:GuardModel=none", "--Models:EmbeddingModel=none",
            "--RateLimits:ChatPerKeyPerMinute=1000000", "--RateLimits:ManagementPerKeyPerMinute=1000000",
            "--RateLimits:UploadsPerBotPerHour=100000", "--Limits:MaxKnowledgeItems=1000",
            .. ChildServe.ProductionLogging,
        ]);
        var apiKey = await CreateBotAsync(database);

        using var management = Client(chat9.BaseAddress);
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var ingestion = Stopwatch.StartNew();
        var chunks = await knowledge.UploadAsync(management, TimeSpan.FromMinutes(20));
        ingestion.Stop();
        var tokens = new O200kTokenCounter();
        Console.WriteLine($"knowledge base: {BenchKnowledgeBase.Documents} Markdown documents × {BenchKnowledgeBase.SectionsPerDocument} sections of " +
            $"{BenchKnowledgeBase.WordsPerSection} words (≈{tokens.CountTokens(new SyntheticCorpus(seed: 3).Paragraph(BenchKnowledgeBase.WordsPerSection))} o200k tokens), " +
            $"{knowledge.TotalBytes / 1024.0 / 1024.0:F1} MiB → {chunks:N0} chunks, ready in {ingestion.Elapsed.TotalSeconds:F0} s");
        if (sqliteAnalyze)
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "chat9.db")}");
            await connection.OpenAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
            Console.WriteLine("what-if: ran SQLite ANALYZE on the server's database after ingestion (not what a deployed server does today)");
        }

        // One turn to check the set-up, capture the frames for the bare server and (in the fake) Chat9's model request.
        var questionBodies = knowledge.Questions.Select(q => JsonSerializer.SerializeToUtf8Bytes(new { question = q })).ToArray();
        var frames = await ProbeAsync(management, questionBodies[0]);
        var chunkFrames = frames.Count(f => f.StartsWith("data: {\"type\":\"chunk\"", StringComparison.Ordinal));
        var framesFile = Path.Combine(root, "frames.txt");
        await File.WriteAllLinesAsync(framesFile, frames);
        var modelBody = await File.ReadAllBytesAsync(capturedRequest);
        await using var bare = await ChildServer.StartAsync(root, "bare", framesFile);
        using var modelProbe = Client(model.BaseAddress);
        var modelFrames = (await StreamedTurn.CaptureAsync(modelProbe, ModelRequest(modelBody))).Length;

        Console.WriteLine($"stream: {frames.Length} frames ({frames.Count(f => f.StartsWith("data: {\"type\":\"status\"", StringComparison.Ordinal))} status, " +
            $"{chunkFrames} chunk, done), {Encoding.UTF8.GetByteCount(string.Join("\n\n", frames)) + 2} bytes; Chat9's model request {modelBody.Length:N0} bytes; " +
            $"model stream {modelFrames} frames");
        Console.WriteLine($"processes: load generator (this one, server GC {GCSettings.IsServerGC}); chat9 [{chat9.Details}]; bare [{bare.Details}]; model [{model.Details}]");
        Console.WriteLine($"set-up {setup.Elapsed.TotalSeconds:F0} s; each target measured {measured.TotalSeconds:F0} s per concurrency in {Rounds} interleaved rounds, after a warm-up of {WarmupTurns} turns and {WarmupTime.TotalSeconds:F0} s per target");

        var next = 0;
        byte[] NextQuestion() => questionBodies[(Interlocked.Increment(ref next) & int.MaxValue) % questionBodies.Length];
        var sent = new[] { 1, 1 }; // requests that reach the fake model: [0] through Chat9, [1] direct (the probes counted)
        using var chat9Client = Client(chat9.BaseAddress);
        using var bareClient = Client(bare.BaseAddress);
        using var modelClient = Client(model.BaseAddress);
        var chatExpectation = StreamExpectation.Chat9(chunkFrames, Reply);
        var targets = new (string Name, Func<Task<TurnSample>> Turn)[]
        {
            ("chat9", () =>
            {
                Interlocked.Increment(ref sent[0]);
                return StreamedTurn.RunAsync(chat9Client, () => ChatRequest("/chat", NextQuestion(), apiKey), chatExpectation);
            }),
            ("bare", () => StreamedTurn.RunAsync(bareClient, () => ChatRequest("/bare", NextQuestion(), apiKey), chatExpectation)),
            ("model", () =>
            {
                Interlocked.Increment(ref sent[1]);
                return StreamedTurn.RunAsync(modelClient, () => ModelRequest(modelBody), StreamExpectation.OpenAI(modelFrames));
            }),
        };
        var cpu = new Dictionary<string, Func<TimeSpan>>
        {
            ["client"] = () => Process.GetCurrentProcess().TotalProcessorTime,
            ["chat9"] = () => chat9.CpuTime,
            ["bare"] = () => bare.CpuTime,
            ["model"] = () => model.CpuTime,
            [MachineCpu.Name] = MachineCpu.BusyTime,
        };

        var results = await MeasureAsync(targets, cpu, measured);
        await chat9.StopAsync();
        var modelOutput = await model.StopAsync();
        var diagnostics = await ReadDiagnosticsAsync(database, root);
        Print(results, diagnostics);
        Console.WriteLine();
        Console.WriteLine($"check: the fake model answered {modelOutput.Split('\n').LastOrDefault(l => l.StartsWith("model answers:", StringComparison.Ordinal))?["model answers:".Length..].Trim()} " +
            $"requests; sent: {sent[0]:N0} chat turns + {sent[1]:N0} direct model calls (incl. probes and warm-ups)");
    }

    /// <summary>Warms every target up, then measures each at every concurrency in interleaved rounds.</summary>
    private static async Task<List<LoadResult>> MeasureAsync(
        (string Name, Func<Task<TurnSample>> Turn)[] targets, Dictionary<string, Func<TimeSpan>> cpu, TimeSpan measured)
    {
        foreach (var (name, turn) in targets)
        {
            // A count first (connections, caches, the server's search index), then a few seconds for tiered JIT to settle.
            Console.Error.WriteLine($"… warm-up {name}");
            var errors = await LoadRunner.RunCountAsync(16, WarmupTurns, turn);
            await LoadRunner.RunForAsync(new LoadResult(name, 16), WarmupTime, turn, new Dictionary<string, Func<TimeSpan>>());
            if (errors.Length > 0)
            {
                Console.WriteLine($"warm-up {name}: {errors.Length} errors ({string.Join(", ", errors.Distinct())})");
            }
        }

        var results = new List<LoadResult>();
        foreach (var clients in Concurrency)
        {
            var byTarget = targets.ToDictionary(t => t.Name, t => new LoadResult(t.Name, clients));
            for (var round = 0; round < Rounds; round++)
            {
                // Alternate the order so that a slow phase of the (shared, noisy) machine does not always hit the same target.
                foreach (var (name, turn) in round % 2 == 0 ? targets : targets.Reverse())
                {
                    Console.Error.WriteLine($"… {name}, {clients} client(s), round {round + 1}/{Rounds}");
                    await LoadRunner.RunForAsync(byTarget[name], measured / Rounds, turn, cpu);
                }
            }

            results.AddRange(byTarget.Values);
        }

        return results;
    }

    /// <summary>One whole Chat9 stream; fails unless it ends with <c>done</c> carrying the model's reply.</summary>
    private static async Task<string[]> ProbeAsync(HttpClient client, byte[] questionBody)
    {
        var frames = await StreamedTurn.CaptureAsync(client, ChatRequest("/chat", questionBody));
        if (frames.Length == 0 || !frames[^1].StartsWith("data: {\"type\":\"done\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The probe turn did not end with done:\n" + string.Join('\n', frames));
        }

        using var done = JsonDocument.Parse(frames[^1]["data: ".Length..]);
        return done.RootElement.GetProperty("text").GetString() == Reply
            ? frames
            : throw new InvalidOperationException("The probe turn did not stream the model's reply (is retrieval confident?):\n" + string.Join('\n', frames));
    }

    private static void Print(List<LoadResult> results, Dictionary<Guid, IReadOnlyDictionary<string, double>> diagnostics)
    {
        Console.WriteLine();
        Console.WriteLine("| Target | Clients | Turns/s | First frame p50 / p95 / p99 (ms) | Done p50 / p95 / p99 (ms) | Errors | CPU ms per turn: server / model / client | Machine CPU busy |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var result in results.OrderBy(r => r.Clients).ThenBy(r => r.Target switch { "chat9" => 0, "bare" => 1, _ => 2 }))
        {
            var first = result.FirstFrame;
            var done = result.Done;
            var server = result.Target == "model" ? "—" : F(result.CpuMsPerTurn(result.Target));
            Console.WriteLine($"| {Label(result.Target)} | {result.Clients} | {result.TurnsPerSecond:F0} | {F(first.P50)} / {F(first.P95)} / {F(first.P99)} | " +
                $"{F(done.P50)} / {F(done.P95)} / {F(done.P99)} | {(result.Errors.Length == 0 ? "0" : result.Errors)} of {result.Samples.Count:N0} | " +
                $"{server} / {F(result.CpuMsPerTurn("model"))} / {F(result.CpuMsPerTurn("client"))} | " +
                $"{result.Cpu.GetValueOrDefault(MachineCpu.Name).TotalSeconds / result.Seconds / Environment.ProcessorCount:P0} |");
        }

        foreach (var clients in Concurrency)
        {
            var chat9 = results.Single(r => r.Target == "chat9" && r.Clients == clients);
            var bare = results.Single(r => r.Target == "bare" && r.Clients == clients);
            var model = results.Single(r => r.Target == "model" && r.Clients == clients);
            Console.WriteLine();
            Console.WriteLine($"### {clients} client{(clients == 1 ? string.Empty : "s")}");
            Console.WriteLine($"Chat9/bare: throughput {chat9.TurnsPerSecond / bare.TurnsPerSecond:P2} ({chat9.TurnsPerSecond:F0} vs {bare.TurnsPerSecond:F0} turns/s, bare {bare.TurnsPerSecond / chat9.TurnsPerSecond:F0}× more); " +
                $"done p50 {chat9.Done.P50 / bare.Done.P50:F0}× bare ({F(chat9.Done.P50)} vs {F(bare.Done.P50)} ms)");
            var overheadP50 = chat9.Done.P50 - model.Done.P50;
            var overheadP99 = chat9.Done.P99 - model.Done.P99;
            Console.WriteLine($"estimated server-side overhead per turn (Chat9 done − model-only done): p50 {F(overheadP50)} ms, " +
                $"p99 {F(overheadP99)} ms (difference of percentiles, an estimate)");
            Console.WriteLine($"targets: overhead p50 ≤ 5 ms {Met(overheadP50 <= 5)}, p99 ≤ 25 ms {Met(overheadP99 <= 25)}, first status frame p50 ≤ 2 ms {Met(chat9.FirstFrame.P50 <= 2)} ({F(chat9.FirstFrame.P50)} ms)");
            Console.WriteLine($"server CPU per turn: Chat9 {F(chat9.CpuMsPerTurn("chat9"))} ms, bare {F(bare.CpuMsPerTurn("bare"))} ms; " +
                $"the fake model {F(chat9.CpuMsPerTurn("model"))} ms per Chat9 turn, {F(model.CpuMsPerTurn("model"))} ms per direct call");

            // Stage timings the server stored with each measured turn's assistant message.
            var timings = chat9.Good.Select(s => diagnostics.GetValueOrDefault(s.MessageId)).OfType<IReadOnlyDictionary<string, double>>().ToList();
            var stages = Stages.Select(stage =>
            {
                var values = timings.Where(t => t.ContainsKey(stage)).Select(t => t[stage]).ToArray();
                var summary = Percentiles.Summarize(values);
                return $"{stage} {F(summary.P50)} / {F(summary.P99)}";
            });
            Console.WriteLine($"server stages, p50 / p99 ms ({timings.Count:N0} turns): {string.Join("; ", stages)}");
            var outside = chat9.Good.Where(s => diagnostics.TryGetValue(s.MessageId, out var t) && t.ContainsKey("total"))
                .Select(s => s.DoneMs - diagnostics[s.MessageId]["total"]).ToArray();
            var outsideSummary = Percentiles.Summarize(outside);
            Console.WriteLine($"done (client) − pipeline total (server), per turn: p50 {F(outsideSummary.P50)} ms, p99 {F(outsideSummary.P99)} ms " +
                "(HTTP, authentication, session and message writes before `thinking` and after the answer)");
        }
    }

    private static string Met(bool met) => met ? "met" : "NOT met";

    private static string Label(string target) => target switch
    {
        "chat9" => "Chat9 `POST /chat`",
        "bare" => "Bare ASP.NET Core, same frames",
        _ => "Model only (fake, direct)",
    };

    private static string F(double value) => double.IsNaN(value) ? "—" : value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    internal static HttpClient Client(Uri baseAddress, int maxConnections = 256, TimeSpan? timeout = null) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = maxConnections,
        UseProxy = false,
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = timeout ?? TimeSpan.FromSeconds(60),
    };

    private static HttpRequestMessage ChatRequest(string path, byte[] body, string? apiKey = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return request;
    }

    private static HttpRequestMessage ModelRequest(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = content };
    }

    /// <summary>Creates the bot with the admin CLI (<c>bots create --json</c>) against the server's database; returns its API key.</summary>
    internal static async Task<string> CreateBotAsync(Dictionary<string, string?> database)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AdminCli.RunAsync(["bots", "create", "--name", "Benchmark", "--json"], stdout, stderr, database);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"bots create failed ({exitCode}): {stdout}{stderr}");
        }

        return JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("api_key").GetString()!;
    }

    /// <summary>The stage timings stored with every assistant message (read after the server stopped).</summary>
    private static async Task<Dictionary<Guid, IReadOnlyDictionary<string, double>>> ReadDiagnosticsAsync(Dictionary<string, string?> database, string root)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(configuration, root);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Chat9DbContext>();
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.Role == MessageRole.Assistant)
            .Select(m => new { m.Id, m.Diagnostics })
            .ToListAsync();
        return messages.Where(m => m.Diagnostics is not null).ToDictionary(m => m.Id, m => m.Diagnostics!.TimingsMs);
    }
}
