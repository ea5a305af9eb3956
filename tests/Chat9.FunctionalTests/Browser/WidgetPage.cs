using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat9.FunctionalTests.Browser;

/// <summary>
/// The widget on a page, through its <c>data-role</c> test hooks (widget.js header). Playwright's CSS locators pierce the
/// open shadow root of <c>&lt;div data-chat9-widget&gt;</c>, so <c>[data-role=input]</c> finds the textarea inside it.
/// </summary>
public sealed class WidgetPage(IPage page)
{
    /// <summary>The widget's shadow root, for scripts evaluated in the page.</summary>
    public const string ShadowRootJs = "document.querySelector('[data-chat9-widget]').shadowRoot";

    public IPage Page => page;

    public ILocator Role(string role) => page.Locator($"[data-role={role}]");

    public ILocator Root => Role("root");

    public ILocator Bubble => Role("bubble");

    public ILocator Panel => Role("panel");

    public ILocator Input => Role("input");

    public ILocator Send => Role("send");

    public ILocator UserMessages => Role("message-user");

    public ILocator AssistantMessages => Role("message-assistant");

    /// <summary>Clicks the bubble and waits for the greeting (the first assistant message) to be complete.</summary>
    public async Task OpenAndWaitForGreetingAsync()
    {
        await Bubble.ClickAsync();
        await Expect(Panel).ToBeVisibleAsync();
        await WaitForGreetingAsync();
    }

    public async Task WaitForGreetingAsync()
    {
        await Expect(AssistantMessages.First).ToHaveAttributeAsync("data-state", "done");
        await Expect(Input).ToBeEnabledAsync();
    }

    /// <summary>Types <paramref name="question"/>, clicks Send and returns the (not yet finished) answer's locator.</summary>
    public async Task<ILocator> SendAsync(string question)
    {
        var before = await AssistantMessages.CountAsync();
        await Input.FillAsync(question);
        await Send.ClickAsync();
        return AssistantMessages.Nth(before);
    }

    /// <summary>Asks and waits until the answer is done.</summary>
    public async Task<ILocator> AskAsync(string question)
    {
        var answer = await SendAsync(question);
        await Expect(answer).ToHaveAttributeAsync("data-state", "done");
        return answer;
    }

    /// <summary>The session id the widget keeps in localStorage for an anonymous visitor of <paramref name="botId"/>.</summary>
    public async Task<string?> StoredSessionIdAsync(string botId) =>
        await page.EvaluateAsync<string?>(
            "key => { const v = localStorage.getItem(key); return v ? JSON.parse(v).session_id : null; }", $"chat9:{botId}:anon");

    /// <summary>Everything in the message log, in order: messages, tickets, dividers and error notes.</summary>
    public async Task<IReadOnlyList<LogEntry>> LogAsync()
    {
        var json = await page.EvaluateAsync<JsonElement>($$"""
            () => [...{{ShadowRootJs}}.querySelector('[data-role=log]').children].map(e => ({
              role: e.getAttribute('data-role'),
              state: e.getAttribute('data-state'),
              text: (e.querySelector('[data-role=message-body]') || e).textContent,
              sources: [...e.querySelectorAll('[data-role=sources] a')].map(a => a.href),
            }))
            """);
        return [.. json.EnumerateArray().Select(e => new LogEntry(
            e.GetProperty("role").GetString()!,
            e.GetProperty("state").GetString(),
            e.GetProperty("text").GetString()!,
            [.. e.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!)]))];
    }

    /// <summary>The newest assistant message as it is now (its body's text only while the body is shown).</summary>
    public async Task<AnswerSnapshot> NewestAnswerAsync() =>
        AnswerSnapshot.From(await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const all = {{ShadowRootJs}}.querySelectorAll('[data-role=message-assistant]');
              const m = all[all.length - 1];
              const body = m.querySelector('[data-role=message-body]');
              const status = m.querySelector('[data-role=status]');
              return {
                state: m.getAttribute('data-state'),
                busy: m.getAttribute('aria-busy'),
                text: body && !body.hidden ? body.textContent : '',
                status: status ? status.textContent : null,
              };
            }
            """));

    /// <summary>The data-role of the element that has focus inside the widget (null when focus is elsewhere).</summary>
    public async Task<string?> FocusedRoleAsync() =>
        await page.EvaluateAsync<string?>($"() => {{ const a = {ShadowRootJs}.activeElement; return a ? a.getAttribute('data-role') : null; }}");
}

public sealed record LogEntry(string Role, string? State, string Text, IReadOnlyList<string> Sources);
