using System.Text.RegularExpressions;
using Chat9.Domain.Sessions;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat9.FunctionalTests.Browser;

/// <summary>
/// The widget in a real Chromium against the real server: the demo page at <c>/</c> with the demo bot, and customer
/// pages on another origin (<see cref="BrowserFixtureBase.HostOrigin"/>) for isolation and safety. Conversation flows
/// are here; style isolation, inert content and link safety are in WidgetBrowserTests.Isolation.cs.
/// </summary>
public sealed partial class WidgetBrowserTests(DatabaseKind databaseKind) : BrowserFixtureBase(databaseKind)
{
    private const string ExportQuestion = "How do I export my notes to PDF?";

    [Test]
    public async Task Demo_page_streams_the_greeting_and_an_answer_whose_sources_open_the_demo_docs()
    {
        var page = await NewPageAsync();
        var gate = await StreamGate.InstallAsync(page);
        var widget = new WidgetPage(page);
        await page.GotoAsync(BaseUrl + "/");
        await Expect(widget.Bubble).ToBeVisibleAsync();
        await Expect(widget.Panel).ToBeHiddenAsync();
        await ScreenshotAsync(page, "1-page-with-bubble");

        // The greeting: the first open creates the session and streams the greeting turn.
        await gate.HoldAsync();
        await widget.Bubble.ClickAsync();
        var greeting = widget.AssistantMessages.First;
        await Expect(greeting).ToHaveAttributeAsync("data-state", "streaming");
        await Expect(greeting).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(greeting.Locator("[data-role=status]")).ToHaveTextAsync("Thinking…");
        await ScreenshotAsync(page, "2-greeting-thinking");
        var greetingShots = 0;
        var greetingSteps = await gate.StepUntilSettledAsync(widget, async s =>
        {
            if (s.State == "streaming" && s.Text.Length > 0 && greetingShots++ == 0)
            {
                await ScreenshotAsync(page, "3-greeting-streaming");
            }
        });
        Assert.That(greetingSteps.Any(s => s.State == "streaming" && s.Text.Length > 0), Is.True,
            "the greeting's text showed while it was still streaming:\n" + string.Join("\n", greetingSteps));
        Assert.That(greetingSteps[^1].State, Is.EqualTo("done"));
        Assert.That(greetingSteps[^1].Text, Does.Contain(DemoBotName));
        await Expect(greeting).ToHaveAttributeAsync("aria-busy", "false");
        await ScreenshotAsync(page, "4-greeting-done");

        // A question: status stages, then chunks growing the text, then done with sources.
        await gate.HoldAsync();
        var answer = await widget.SendAsync(ExportQuestion);
        await Expect(widget.UserMessages.Last).ToHaveTextAsync(ExportQuestion);
        await Expect(answer).ToHaveAttributeAsync("data-state", "streaming");
        await Expect(widget.Input).ToHaveValueAsync(string.Empty);
        await widget.Input.FillAsync("A follow-up typed while the answer streams");
        await Expect(widget.Send).ToBeDisabledAsync();
        var answerShots = 0;
        var steps = await gate.StepUntilSettledAsync(widget, async s =>
        {
            if (s.State == "streaming" && s.Text.Length > 0 && answerShots++ == 0)
            {
                await ScreenshotAsync(page, "5-answer-streaming");
            }
        });

        var streamed = steps.Where(s => s.State == "streaming" && s.Text.Length > 0).Select(s => s.Text).ToList();
        var trace = string.Join("\n", steps);
        Assert.Multiple(() =>
        {
            Assert.That(steps.Select(s => s.Status), Has.Some.EqualTo("Searching the docs…").Or.Some.EqualTo("Writing…"), trace);
            Assert.That(streamed, Has.Count.GreaterThanOrEqualTo(2), "the text grew chunk by chunk while streaming:\n" + trace);
            Assert.That(streamed.Zip(streamed.Skip(1)).All(p => p.Second.Length > p.First.Length && p.Second.StartsWith(p.First, StringComparison.Ordinal)),
                Is.True, "each chunk was appended to the text before it:\n" + trace);
            Assert.That(steps.All(s => s.State == "streaming" ? s.Busy == "true" : s.Busy == "false"), Is.True, "aria-busy while streaming only:\n" + trace);
            Assert.That(steps[^1].State, Is.EqualTo("done"), trace);
        });
        await Expect(answer).ToContainTextAsync("PDF");
        await Expect(answer.Locator("[data-role=status]")).ToHaveCountAsync(0);
        await Expect(widget.Send).ToBeEnabledAsync();
        var sources = answer.Locator("[data-role=sources] a");
        await Expect(sources.First).ToBeVisibleAsync();
        var hrefs = await sources.EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.That(hrefs, Has.All.StartWith(BaseUrl + "/demo/docs/"));
        Assert.That(hrefs, Has.Some.EqualTo(BaseUrl + "/demo/docs/export-and-import"));
        await ScreenshotAsync(page, "6-answer-with-sources");

        // The demo docs are on the page's own host: a source opens them in a new tab, with no link-safety dialog.
        var docLink = answer.Locator("[data-role=sources] a[href$='/demo/docs/export-and-import']");
        var popup = await page.Context.RunAndWaitForPageAsync(() => docLink.ClickAsync());
        await popup.WaitForURLAsync(BaseUrl + "/demo/docs/export-and-import");
        await Expect(popup.Locator("h1").First).ToContainTextAsync("Export");
        await Expect(widget.Role("link-dialog")).ToHaveCountAsync(0);
        Assert.That(PageErrors, Is.Empty);
    }

    [Test]
    public async Task Reloading_the_page_restores_the_conversation_from_history()
    {
        var page = await NewPageAsync();
        var widget = new WidgetPage(page);
        await page.GotoAsync(BaseUrl + "/");
        await widget.OpenAndWaitForGreetingAsync();
        await widget.AskAsync(ExportQuestion);
        var before = await widget.LogAsync();
        var sessionId = await widget.StoredSessionIdAsync(DemoBotId);
        Assert.That(before.Select(e => e.Role), Is.EqualTo(new[] { "message-assistant", "message-user", "message-assistant" }));
        Assert.That(before[2].Sources, Is.Not.Empty);
        Assert.That(sessionId, Is.Not.Null);
        await ScreenshotAsync(page, "1-before-reload");

        var requests = new List<string>();
        page.Request += (_, request) => requests.Add($"{request.Method} {request.Url}");
        await page.ReloadAsync();
        await Expect(widget.Panel).ToBeHiddenAsync();
        await widget.Bubble.ClickAsync();
        await Expect(widget.AssistantMessages).ToHaveCountAsync(2);
        await Expect(widget.AssistantMessages.Last).ToHaveAttributeAsync("data-state", "done");
        await ScreenshotAsync(page, "2-after-reload");

        var after = await widget.LogAsync();
        Assert.That(after, Is.EqualTo(before).Using<LogEntry>(SameEntry), "the same messages, texts and sources");
        Assert.That(await widget.StoredSessionIdAsync(DemoBotId), Is.EqualTo(sessionId));
        var api = requests.Where(r => r.Contains("/widget/", StringComparison.Ordinal) && !r.EndsWith("/widget.js", StringComparison.Ordinal)).ToList();
        Assert.That(api, Has.Some.Matches<string>(r => r.StartsWith($"GET {BaseUrl}/widget/history?", StringComparison.Ordinal) && r.Contains($"session_id={sessionId}", StringComparison.Ordinal)), string.Join("\n", api));
        Assert.That(api, Has.None.Contains("/widget/session/init").And.None.Contains("/widget/chat"), "no new session and no new greeting:\n" + string.Join("\n", api));
    }

    [Test]
    public async Task Talking_to_a_human_shows_the_ticket_ends_the_chat_and_start_new_chat_opens_a_new_session()
    {
        var page = await NewPageAsync();
        var widget = new WidgetPage(page);
        await page.GotoAsync(BaseUrl + "/");
        await widget.OpenAndWaitForGreetingAsync();
        await widget.AskAsync(ExportQuestion);
        var oldSessionId = (await widget.StoredSessionIdAsync(DemoBotId))!;

        await widget.Role("escalate-button").ClickAsync();
        var form = widget.Role("escalate-form");
        await Expect(form).ToBeVisibleAsync();
        await Expect(widget.Role("escalate-email")).ToBeFocusedAsync();
        await widget.Role("escalate-email").FillAsync("not-an-e-mail");
        await widget.Role("escalate-submit").ClickAsync();
        await Expect(widget.Role("form-error")).ToHaveTextAsync("Please enter a valid e-mail address.");
        await widget.Role("escalate-note").FillAsync("I need the export as Word, too.");
        await widget.Role("escalate-email").FillAsync("visitor@example.com");
        await ScreenshotAsync(page, "1-escalation-form");
        await widget.Role("escalate-submit").ClickAsync();

        var ticket = widget.Role("ticket");
        await Expect(ticket).ToHaveTextAsync(new Regex(@"^Ticket ESC-\d{4}$"));
        var ticketNumber = (await ticket.TextContentAsync())!["Ticket ".Length..];
        await Expect(form).ToHaveCountAsync(0);
        await Expect(widget.AssistantMessages.Last).ToHaveTextAsync(
            $"I've passed this to our support team (ticket {ticketNumber}). They will reply to visitor@example.com.");
        await Expect(widget.Root).ToHaveAttributeAsync("data-ended", "true");
        await Expect(widget.Role("ended")).ToHaveTextAsync("This chat has ended.");
        await Expect(widget.Role("new-chat")).ToBeVisibleAsync();
        await Expect(widget.Role("new-chat")).ToHaveTextAsync("Start new chat");
        await Expect(widget.Role("composer")).ToBeHiddenAsync();
        await Expect(widget.Role("escalate-button")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "2-ended-with-ticket");

        var tickets = await TicketsOfSessionAsync(Guid.Parse(oldSessionId));
        Assert.That(tickets, Has.Count.EqualTo(1));
        Assert.That(tickets[0].TicketNumber, Is.EqualTo(ticketNumber));
        Assert.That(tickets[0].Contact.Email, Is.EqualTo("visitor@example.com"));
        Assert.That(tickets[0].UserNote, Is.EqualTo("I need the export as Word, too."));
        Assert.That(tickets[0].PrimaryQuestion, Is.EqualTo(ExportQuestion));

        var oldTranscript = await widget.LogAsync();
        await widget.Role("new-chat").ClickAsync();
        var divider = widget.Role("divider");
        await Expect(divider).ToHaveTextAsync("New conversation");
        await Expect(widget.AssistantMessages).ToHaveCountAsync(oldTranscript.Count(e => e.Role == "message-assistant") + 1);
        await widget.WaitForGreetingAsync();
        await Expect(widget.AssistantMessages.Last).ToHaveAttributeAsync("data-state", "done");
        await Expect(widget.Root).Not.ToHaveAttributeAsync("data-ended", "true");
        await Expect(widget.Input).ToBeVisibleAsync();
        await Expect(widget.Role("new-chat")).ToBeHiddenAsync();
        await Expect(widget.Role("escalate-button")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "3-new-chat");

        var log = await widget.LogAsync();
        Assert.That(log.Take(oldTranscript.Count), Is.EqualTo(oldTranscript).Using<LogEntry>(SameEntry), "the old transcript stays above");
        Assert.That(log.Skip(oldTranscript.Count).Select(e => e.Role), Is.EqualTo(new[] { "divider", "message-assistant" }));
        Assert.That(log[^1].Text, Does.Contain(DemoBotName), "the new session's greeting");
        var newSessionId = await widget.StoredSessionIdAsync(DemoBotId);
        Assert.That(newSessionId, Is.Not.Null.And.Not.EqualTo(oldSessionId));
        var newTranscript = await TranscriptAsync(Guid.Parse(newSessionId!));
        Assert.That(newTranscript.Select(m => m.Outcome), Is.EqualTo(new[] { MessageOutcome.Greeting }));
        Assert.That(await TicketsOfSessionAsync(Guid.Parse(newSessionId!)), Is.Empty);
    }

    [Test]
    public async Task Keyboard_opens_the_panel_sends_with_Enter_and_Escape_returns_focus_to_the_bubble()
    {
        var page = await NewPageAsync();
        var widget = new WidgetPage(page);
        await page.GotoAsync(BaseUrl + "/");
        await Expect(widget.Bubble).ToHaveAttributeAsync("aria-label", $"Open chat with {DemoBotName}");
        await Expect(widget.Bubble).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(widget.Bubble).ToHaveAttributeAsync("aria-controls", "c9-panel");

        // The bubble comes after the page's last link in the tab order, with a visible focus ring.
        await page.Locator("footer.site a").Last.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(widget.Bubble).ToBeFocusedAsync();
        Assert.That(await widget.Bubble.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle"), Is.EqualTo("solid"), "visible focus ring");
        await ScreenshotAsync(page, "1-bubble-focused");

        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.Bubble).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(widget.Panel).ToBeVisibleAsync();
        await Expect(widget.Panel).ToHaveAttributeAsync("role", "dialog");
        await Expect(widget.Panel).ToHaveAttributeAsync("aria-label", $"Chat with {DemoBotName}");
        await Expect(widget.Input).ToBeFocusedAsync();
        await widget.WaitForGreetingAsync();
        await ScreenshotAsync(page, "2-panel-open-input-focused");

        await page.Keyboard.TypeAsync("How do I export");
        await page.Keyboard.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("my notes to PDF?");
        await Expect(widget.Input).ToHaveValueAsync("How do I export\nmy notes to PDF?");
        await Expect(widget.UserMessages).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.UserMessages).ToHaveTextAsync("How do I export\nmy notes to PDF?");
        await Expect(widget.Input).ToHaveValueAsync(string.Empty);
        await Expect(widget.AssistantMessages.Nth(1)).ToHaveAttributeAsync("data-state", "done");
        await Expect(widget.AssistantMessages.Nth(1)).ToContainTextAsync("PDF");
        await ScreenshotAsync(page, "3-sent-with-enter");

        await widget.Input.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(widget.Panel).ToBeHiddenAsync();
        await Expect(widget.Bubble).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(widget.Bubble).ToBeFocusedAsync();
        Assert.That(await widget.FocusedRoleAsync(), Is.EqualTo("bubble"));
        await ScreenshotAsync(page, "4-closed-with-escape");
    }

    [Test]
    public async Task On_a_phone_the_open_panel_fills_the_viewport()
    {
        var page = await NewPageAsync(375, 700);
        var widget = new WidgetPage(page);
        await page.GotoAsync(BaseUrl + "/");
        await Expect(widget.Bubble).ToBeVisibleAsync();
        await ScreenshotAsync(page, "1-phone-closed");

        await widget.OpenAndWaitForGreetingAsync();
        var panel = (await widget.Panel.BoundingBoxAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(panel.X, Is.EqualTo(0));
            Assert.That(panel.Width, Is.EqualTo(375), "full viewport width");
            Assert.That(panel.Y, Is.EqualTo(0));
            Assert.That(panel.Height, Is.EqualTo(700), "full viewport height");
        });
        Assert.That(await widget.Input.EvaluateAsync<string>("i => getComputedStyle(i).fontSize"), Is.EqualTo("16px"), "no zoom on focus");
        await Expect(widget.Bubble).ToBeHiddenAsync();
        await ScreenshotAsync(page, "2-phone-open");

        await widget.Role("close").ClickAsync();
        await Expect(widget.Panel).ToBeHiddenAsync();
        await Expect(widget.Bubble).ToBeVisibleAsync();
        await Expect(widget.Bubble).ToBeFocusedAsync();
    }

    [Test]
    public async Task A_lost_connection_shows_Connection_lost_and_Retry_sends_the_message_once_it_is_back()
    {
        var page = await NewPageAsync();
        var widget = new WidgetPage(page);
        await page.GotoAsync(BaseUrl + "/");
        await widget.OpenAndWaitForGreetingAsync();
        var sessionId = Guid.Parse((await widget.StoredSessionIdAsync(DemoBotId))!);

        Func<string, bool> chat = url => new Uri(url).AbsolutePath == "/widget/chat";
        await page.RouteAsync(chat, route => route.AbortAsync("internetdisconnected"));
        await widget.SendAsync(ExportQuestion);
        var error = widget.Role("error");
        await Expect(error).ToContainTextAsync("Connection lost.");
        await Expect(error.Locator("[data-role=retry]")).ToHaveTextAsync("Retry");
        await Expect(widget.UserMessages).ToHaveTextAsync(ExportQuestion);
        await Expect(widget.AssistantMessages).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "1-connection-lost");
        Assert.That((await TranscriptAsync(sessionId)).Count(m => m.Role == MessageRole.User), Is.Zero, "nothing reached the server");

        await page.UnrouteAsync(chat);
        await error.Locator("[data-role=retry]").ClickAsync();
        await Expect(error).ToHaveCountAsync(0);
        await Expect(widget.AssistantMessages).ToHaveCountAsync(2);
        await Expect(widget.AssistantMessages.Last).ToHaveAttributeAsync("data-state", "done");
        await Expect(widget.AssistantMessages.Last).ToContainTextAsync("PDF");
        await Expect(widget.UserMessages).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "2-retried");

        var transcript = await TranscriptAsync(sessionId);
        Assert.That(transcript.Where(m => m.Role == MessageRole.User).Select(m => m.Content), Is.EqualTo(new[] { ExportQuestion }));
    }

    [Test]
    public async Task A_message_to_a_session_the_server_has_closed_switches_the_widget_to_the_ended_state()
    {
        var page = await NewPageAsync();
        var widget = new WidgetPage(page);
        await page.GotoAsync(BaseUrl + "/");
        await widget.OpenAndWaitForGreetingAsync();
        var sessionId = (await widget.StoredSessionIdAsync(DemoBotId))!;
        var escalated = await EscalateAsync(DemoBotId, sessionId, new { trigger = "user_request", email = "elsewhere@example.com" });
        Assert.That((int)escalated.StatusCode, Is.EqualTo(200), await escalated.Content.ReadAsStringAsync());

        await widget.SendAsync(ExportQuestion);

        await Expect(widget.Root).ToHaveAttributeAsync("data-ended", "true");
        await Expect(widget.Role("ended")).ToHaveTextAsync("This chat has ended.");
        await Expect(widget.Role("new-chat")).ToBeVisibleAsync();
        await Expect(widget.Role("composer")).ToBeHiddenAsync();
        await Expect(widget.Role("error")).ToHaveCountAsync(0);
        await Expect(widget.UserMessages).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "1-ended-by-the-server");
    }

    private static bool SameEntry(LogEntry a, LogEntry b) =>
        a.Role == b.Role && a.State == b.State && a.Text == b.Text && a.Sources.SequenceEqual(b.Sources);
}
