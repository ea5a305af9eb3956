using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Chat9.FunctionalTests.FirstRun;

/// <summary>
/// Starts the real executable as an operator would, twice on the same data folder: the first start seeds the demo bot
/// and prints its key once; the second reuses the database and never prints a key.
/// </summary>
public sealed partial class FirstRunTests
{
    [Test]
    public async Task FirstStart_SeedsTheDemoBotAndPrintsItsKeyOnce_SecondStartReusesIt()
    {
        var data = Directory.CreateTempSubdirectory("chat9-firstrun-");
        try
        {
            var port = FreePort();
            var first = await RunServerUntilAnnouncedAsync(data.FullName, port, probe: async http =>
            {
                Assert.That((await http.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That((await http.GetAsync("/openapi.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That((await http.GetAsync("/docs/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            });
            var second = await RunServerUntilAnnouncedAsync(data.FullName, port, probe: null);

            var publicId = PublicIdLine().Match(first);
            var apiKey = ApiKeyLine().Match(first);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(first, Does.Contain($"Chat9 is running at http://127.0.0.1:{port}"));
                Assert.That(first, Does.Contain("First run: created the demo bot \"Chat9 Demo\"."));
                Assert.That(publicId.Success, Is.True, first);
                Assert.That(apiKey.Success, Is.True, first);
                Assert.That(first, Does.Contain($"API docs      : http://127.0.0.1:{port}/docs"));
                Assert.That(second, Does.Contain(publicId.Value), "the second start prints the same public id");
                Assert.That(second, Does.Not.Contain("API key"));
                Assert.That(second, Does.Not.Contain(apiKey.Groups[1].Value));
                Assert.That(File.Exists(Path.Combine(data.FullName, "chat9.db")), Is.True);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    private static async Task<string> RunServerUntilAnnouncedAsync(string dataPath, int port, Func<HttpClient, Task>? probe)
    {
        var start = new ProcessStartInfo("dotnet", [ServerAssembly(), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataPath,
        };
        start.Environment["Data__Path"] = dataPath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var announced = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (e.Data?.Contains("API docs", StringComparison.Ordinal) == true)
                {
                    announced.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var finished = await Task.WhenAny(announced.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.That(announced.Task.IsCompleted, Is.True, $"The server did not announce itself:\n{output}");
            if (probe is not null)
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await probe(http);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>The server's own build output, next to this test project's.</summary>
    private static string ServerAssembly()
    {
        var here = AppContext.BaseDirectory; // …/tests/Chat9.FunctionalTests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var root = new DirectoryInfo(here);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Chat9.sln")))
        {
            root = root.Parent;
        }

        Assert.That(root, Is.Not.Null, "repository root not found");
        var path = Path.Combine(root!.FullName, "src", "WebApi", "bin", configuration, "net10.0", "Chat9.WebApi.dll");
        Assert.That(File.Exists(path), Is.True, $"server build not found at {path}");
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Bot public id : (ch_[a-z0-9]{16})")]
    private static partial Regex PublicIdLine();

    [GeneratedRegex(@"API key       : (ck_[A-Za-z0-9_-]{43})")]
    private static partial Regex ApiKeyLine();
}
