using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>The real server executable, started as an operator would, on a loopback port and a data folder of the test's.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server and waits until it has printed its start banner (the "API docs" line).</summary>
    public static async Task<ServerProcess> StartAsync(string dataPath, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [ServerAssembly(), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataPath,
        };
        start.Environment["Data__Path"] = dataPath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data, announces: true);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data, announces: false);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await Task.WhenAny(server._announced.Task, server._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.That(server._announced.Task.IsCompleted, Is.True, $"The server did not announce itself:\n{server.Output}");
        return server;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Asks the process to stop (SIGTERM, as <c>docker stop</c> or systemd do) and waits until it has exited.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
    }

    /// <summary>Stops the process at once, as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line, bool announces)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (announces && line?.Contains("API docs", StringComparison.Ordinal) == true)
        {
            _announced.TrySetResult();
        }
    }

    /// <summary>The server's own build output, next to this test project's.</summary>
    private static string ServerAssembly()
    {
        var here = AppContext.BaseDirectory; // …/tests/Chat9.FunctionalTests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root(), "src", "WebApi", "bin", configuration, "net10.0", "Chat9.WebApi.dll");
        Assert.That(File.Exists(path), Is.True, $"server build not found at {path}");
        return path;
    }
}
