using System.Text.Json;
using Microsoft.Playwright;

namespace Chat9.FunctionalTests.Browser;

/// <summary>
/// A valve on the answer stream, so a test can watch an answer being written. On loopback the offline answerer's
/// frames arrive in one network read (and DevTools' throttling still hands them over in one piece), so the widget
/// goes from "nothing" to "done" within one task. The gate wraps the page's <c>fetch</c> before any page script runs;
/// for <c>POST /widget/chat</c> it passes the real server's response on one SSE frame at a time, each only when the test
/// lets it through. The bytes are the server's own, unchanged, and everything else goes through untouched; the widget
/// under test is the real one, reading the stream with its own parser.
/// </summary>
public sealed class StreamGate(IPage page)
{
    private const string Script = """
        (() => {
          const realFetch = window.fetch;
          const gate = (window.__chat9Gate = { allowed: Infinity, delivered: 0 });
          const later = () => new Promise((resolve) => setTimeout(resolve, 5));
          window.fetch = async function (input, init) {
            const res = await realFetch.call(this, input, init);
            const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
            if (!/\/widget\/chat(\?|$)/.test(url) || !res.ok || !res.body) return res;
            const reader = res.body.getReader();
            const enc = new TextEncoder();
            const dec = new TextDecoder();
            let buf = '';
            const body = new ReadableStream({
              async pull(controller) {
                for (;;) {
                  const end = buf.indexOf('\n\n');
                  if (end >= 0) {
                    while (gate.delivered >= gate.allowed) await later();
                    const frame = buf.slice(0, end + 2);
                    buf = buf.slice(end + 2);
                    gate.delivered++;
                    controller.enqueue(enc.encode(frame));
                    return;
                  }
                  const { value, done } = await reader.read();
                  if (done) {
                    buf += dec.decode();
                    if (buf) controller.enqueue(enc.encode(buf));
                    buf = '';
                    controller.close();
                    return;
                  }
                  buf += dec.decode(value, { stream: true }).replace(/\r\n/g, '\n');
                }
              },
              cancel(reason) {
                return reader.cancel(reason);
              },
            });
            return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
          };
        })();
        """;

    /// <summary>Installs the gate for every document the page loads from now on (open: frames flow freely).</summary>
    public static async Task<StreamGate> InstallAsync(IPage page)
    {
        await page.AddInitScriptAsync(Script);
        return new StreamGate(page);
    }

    /// <summary>Stops frames that have not been handed over yet.</summary>
    public async Task HoldAsync() =>
        await page.EvaluateAsync("() => { window.__chat9Gate.allowed = window.__chat9Gate.delivered; }");

    /// <summary>Lets frames flow freely again.</summary>
    public async Task OpenAsync() =>
        await page.EvaluateAsync("() => { window.__chat9Gate.allowed = Infinity; }");

    /// <summary>Hands over exactly one more frame (once the server has sent it) and lets the widget process it.</summary>
    public async Task StepAsync()
    {
        var target = await page.EvaluateAsync<int>("() => { const g = window.__chat9Gate; g.allowed = g.delivered + 1; return g.allowed; }");
        await page.WaitForFunctionAsync("target => window.__chat9Gate.delivered >= target", target);
        // The widget reads the frame in a few microtasks; a frame and a task later it has been drawn.
        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))");
    }

    /// <summary>
    /// Hands frames over one by one until the newest assistant message is no longer streaming, and returns what the
    /// message looked like after each frame (the first snapshot is before any frame of this call).
    /// </summary>
    public async Task<IReadOnlyList<AnswerSnapshot>> StepUntilSettledAsync(WidgetPage widget, Func<AnswerSnapshot, Task>? onSnapshot = null)
    {
        var snapshots = new List<AnswerSnapshot> { await widget.NewestAnswerAsync() };
        for (var i = 0; i < 100 && snapshots[^1].State == "streaming"; i++)
        {
            await StepAsync();
            var snapshot = await widget.NewestAnswerAsync();
            snapshots.Add(snapshot);
            if (onSnapshot is not null)
            {
                await onSnapshot(snapshot);
            }
        }

        Assert.That(snapshots[^1].State, Is.Not.EqualTo("streaming"), "the answer never settled: " + string.Join("\n", snapshots));
        return snapshots;
    }
}

/// <summary>The newest assistant message at one moment: state, aria-busy, the text shown and the stage indicator.</summary>
public sealed record AnswerSnapshot(string State, string? Busy, string Text, string? Status)
{
    public static AnswerSnapshot From(JsonElement e) => new(
        e.GetProperty("state").GetString()!,
        e.GetProperty("busy").GetString(),
        e.GetProperty("text").GetString()!,
        e.GetProperty("status").GetString());
}
