using System.Diagnostics;

namespace Chat9.Benchmarks.Chat;

/// <summary>
/// A server under test in its own process (this benchmark executable with <c>__serve …</c>, see <see cref="ChildServe"/>),
/// so each server has its own CPU time and its own GC, like a deployed Chat9. Children run with server GC, as
/// src/WebApi does (the Web SDK's default).
/// </summary>
public sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildServer(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The child's ready line after the URL (GC mode, pid).</summary>
    public string Details { get; private set; } = string.Empty;

    /// <summary>CPU time (user + system) used by the child so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Resident memory of the child (VmRSS), in bytes; 0 where /proc is not available.</summary>
    public long ResidentBytes
    {
        get
        {
            try
            {
                var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Server GC (the default, as src/WebApi runs) or workstation GC for the servers under test.</summary>
    public static bool ServerGc { get; set; } = true;

    public static async Task<ChildServer> StartAsync(string workingDirectory, params string[] serveArgs)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        // Under `dotnet run` or `dotnet Chat9.Benchmarks.dll` the process is the dotnet host: name the assembly.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildServer).Assembly.Location);
        }

        start.ArgumentList.Add("__serve");
        foreach (var arg in serveArgs)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = ServerGc ? "1" : "0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var child = new ChildServer(Process.Start(start)!);
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();

        var exited = child._process.WaitForExitAsync();
        var finished = await Task.WhenAny(child._ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != child._ready.Task)
        {
            await child.DisposeAsync();
            throw new InvalidOperationException($"The child server `{string.Join(' ', serveArgs.Take(1))}` did not start:\n{child.Output}");
        }

        var ready = child._ready.Task.Result;
        var space = ready.IndexOf(' ', StringComparison.Ordinal);
        child.BaseAddress = new Uri(space < 0 ? ready : ready[..space]);
        child.Details = space < 0 ? string.Empty : ready[(space + 1)..];
        return child;
    }

    /// <summary>Closes the child's input (it then stops gracefully) and waits for it; kills it after 30 s.</summary>
    public async Task<string> StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        return Output;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(ChildServe.ReadyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line[ChildServe.ReadyPrefix.Length..]);
            return;
        }

        lock (_output)
        {
            // Keep the tail only: a long run may log warnings.
            if (_output.Count >= 200)
            {
                _output.RemoveAt(0);
            }

            _output.Add(line);
        }
    }
}
