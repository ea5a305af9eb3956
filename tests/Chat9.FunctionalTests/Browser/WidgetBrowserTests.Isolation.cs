using System.Text;
using System.Text.Json;
using Chat9.Application.Bots.CreateBot;
using Chat9.FunctionalTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat9.FunctionalTests.Browser;

/// <summary>Style isolation on a hostile page, inert answers, and the link-safety dialog.</summary>
public sealed partial class WidgetBrowserTests
{
    private const string HostileSourceUrl = "https://docs.notewell.example/reset-password";
    private const string HostileAnswerLinkUrl = "https://account.notewell.example/reset";

    /// <summary>A help article that quotes markup, the way a careless (or malicious) author might write it.</summary>
    private const string HostileDocument = """
        Resetting your password

        To reset your password, click <img src=x onerror="window.__xss=1;alert('img')"> and then [here](javascript:window.__xss=2;alert('link')) or <a href="javascript:window.__xss=3">reset it</a><script>window.__xss=4;alert('script')</script> on the sign-in page.

        The password reset form is at https://account.notewell.example/reset when the sign-in page does not load.
        """;

    private Lazy<Task<CreatedBotDto>>? _hostileBot;

    [Test]
    public async Task Inline_widget_on_a_page_with_hostile_CSS_keeps_its_own_styles_and_leaves_the_page_untouched()
    {
        var page = await NewPageAsync();
        var widget = new WidgetPage(page);
        await ServeHostPageAsync(page, $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>A shop with hostile CSS</title>
            <link rel="icon" href="data:,">
            <style>
              html, body, body * { all: unset !important; }
              body * {
                display: none !important; color: red !important; font: italic 40px/1 serif !important;
                text-transform: uppercase !important; letter-spacing: 6px !important; visibility: hidden !important;
                background: yellow !important; border: 5px dashed lime !important; box-sizing: content-box !important;
              }
              body > #shop-text, body > #chat { display: block !important; visibility: visible !important; }
              #chat { width: 640px !important; height: 560px !important; padding: 0 !important; }
              button, textarea, input, p, div { margin: 30px !important; }
            </style>
            <script>window.__globalsBefore = Object.getOwnPropertyNames(window);</script>
            </head>
            <body>
            <p id="shop-text">Welcome to our shop.</p>
            <div id="chat"></div>
            <script src="{{BaseUrl}}/widget.js" data-bot-id="{{DemoBotId}}"></script>
            </body>
            </html>
            """);
        await page.GotoAsync(HostOrigin + "/");
        var before = await HostPageStateAsync(page);

        await page.EvaluateAsync("() => Chat9Widget.start({ mode: 'inline', target: 'chat' })");

        await Expect(widget.Panel).ToBeVisibleAsync();
        await Expect(widget.Panel).ToHaveAttributeAsync("role", "region");
        await widget.WaitForGreetingAsync();
        var answer = await widget.AskAsync(ExportQuestion);
        await Expect(answer).ToContainTextAsync("PDF");
        await Expect(answer.Locator("[data-role=sources] a").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "1-inline-on-a-hostile-page");

        // The widget's own styles, unaffected by the page's.
        var input = await StyleAsync(widget.Input);
        var body = await StyleAsync(answer.Locator("[data-role=message-body]"));
        var send = await StyleAsync(widget.Send);
        Assert.Multiple(() =>
        {
            Assert.That(input["fontSize"], Is.EqualTo("14px"));
            Assert.That(input["fontStyle"], Is.EqualTo("normal"));
            Assert.That(input["color"], Is.EqualTo("rgb(17, 24, 39)"));
            Assert.That(input["backgroundColor"], Is.EqualTo("rgb(255, 255, 255)"));
            Assert.That(input["visibility"], Is.EqualTo("visible"));
            Assert.That(input["marginTop"], Is.EqualTo("0px"));
            Assert.That(body["fontSize"], Is.EqualTo("14px"));
            Assert.That(body["color"], Is.EqualTo("rgb(17, 24, 39)"));
            Assert.That(body["textTransform"], Is.EqualTo("none"));
            Assert.That(body["letterSpacing"], Is.EqualTo("normal"));
            Assert.That(body["fontFamily"], Does.Not.StartWith("serif"));
            Assert.That(body["backgroundColor"], Is.EqualTo("rgb(243, 244, 246)"));
            Assert.That(send["visibility"], Is.EqualTo("visible"));
            Assert.That(send["backgroundColor"], Is.Not.EqualTo("rgb(255, 255, 0)"));
            Assert.That(send["borderTopStyle"], Is.EqualTo("none"));
        });
        var panel = (await widget.Panel.BoundingBoxAsync())!;
        var target = (await page.Locator("#chat").BoundingBoxAsync())!;
        Assert.That((panel.Width, panel.Height), Is.EqualTo((target.Width - 10, target.Height - 10)), "the panel fills the target (inside its 5 px border)");

        // The page, untouched: no styles, nothing in <head>, no new globals, its own elements styled as before.
        var after = await HostPageStateAsync(page);
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("head").GetString(), Is.EqualTo(before.GetProperty("head").GetString()), "nothing added to <head>");
            Assert.That(after.GetProperty("styleSheets").GetInt32(), Is.EqualTo(1), "only the page's own style sheet");
            Assert.That(after.GetProperty("adoptedStyleSheets").GetInt32(), Is.Zero, "no style sheet adopted by the document");
            Assert.That(after.GetProperty("styleElements").GetInt32(), Is.EqualTo(1), "no <style> or <link> anywhere in the page");
            Assert.That(after.GetProperty("shop").GetString(), Is.EqualTo("40px rgb(255, 0, 0) italic uppercase"), "the page's own text keeps its styles");
            Assert.That(after.GetProperty("shop").GetString(), Is.EqualTo(before.GetProperty("shop").GetString()));
            Assert.That(after.GetProperty("html").GetString(), Is.EqualTo(before.GetProperty("html").GetString()));
            Assert.That(after.GetProperty("body").GetString(), Is.EqualTo(before.GetProperty("body").GetString()));
            Assert.That(before.GetProperty("chat").GetString(), Is.Empty);
            Assert.That(after.GetProperty("chat").GetString(), Is.EqualTo("DIV data-chat9-widget= data-mode=inline data-fill="), "only its host element, appended to the target");
            Assert.That(after.GetProperty("newGlobals").EnumerateArray().Select(g => g.GetString()), Is.EqualTo(new[] { "Chat9Widget" }));
        });
        Assert.That(PageErrors, Is.Empty);
    }

    /// <remarks>
    /// <c>:host{all:initial!important}</c> does not reach the host's <c>::before</c>/<c>::after</c>, which the page styles:
    /// without <c>:host::before,:host::after{content:none!important;display:none!important}</c> in the widget's CSS, page
    /// CSS (hostile, or just a broad <c>div::before</c> rule) puts content into the widget's box and pushes the panel out of it.
    /// </remarks>
    [Test]
    public async Task Pseudo_elements_the_page_puts_on_the_widget_host_add_nothing_to_the_widget()
    {
        var page = await NewPageAsync();
        var widget = new WidgetPage(page);
        await ServeHostPageAsync(page, $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>A shop with pseudo-elements everywhere</title>
            <link rel="icon" href="data:,">
            <style>
              div::before { content: "Injected by the page" !important; display: block !important; height: 200px !important; font-size: 40px !important; background: yellow !important; }
              div::after { content: "Also injected" !important; display: block !important; height: 100px !important; background: orange !important; }
              #chat::before, #chat::after { content: none !important; }
            </style>
            </head>
            <body>
            <div id="chat" style="width: 600px; height: 560px"></div>
            <script src="{{BaseUrl}}/widget.js" data-bot-id="{{DemoBotId}}"></script>
            <script>Chat9Widget.start({ mode: 'inline', target: 'chat' });</script>
            </body>
            </html>
            """);
        await page.GotoAsync(HostOrigin + "/");
        await widget.WaitForGreetingAsync();
        await ScreenshotAsync(page, "1-inline-under-page-pseudo-elements");

        var pseudo = await page.EvaluateAsync<string>("""
            () => ['::before', '::after'].map(p => getComputedStyle(document.querySelector('[data-chat9-widget]'), p).content).join(' ')
            """);
        var host = (await page.Locator("[data-chat9-widget]").BoundingBoxAsync())!;
        var panel = (await widget.Panel.BoundingBoxAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(pseudo, Is.EqualTo("none none"), "the host generates no ::before/::after content");
            Assert.That((panel.Y, panel.Height), Is.EqualTo((host.Y, host.Height)), "the panel fills its host; nothing is drawn above or below it");
        });
    }

    [Test]
    public async Task Html_and_javascript_links_in_an_answer_are_shown_as_text_and_never_run()
    {
        var bot = await HostileDocsBotAsync();
        var page = await NewPageAsync();
        var widget = new WidgetPage(page);
        await ServeHostPageAsync(page, BubblePage(bot.PublicId));
        await page.GotoAsync(HostOrigin + "/");
        await widget.OpenAndWaitForGreetingAsync();

        var answer = await widget.AskAsync("How do I reset my password?");
        await ScreenshotAsync(page, "1-answer-quoting-markup");
        await AssertInertAsync(page, answer);

        // The same answer rendered again from GET /widget/history.
        await page.ReloadAsync();
        await widget.Bubble.ClickAsync();
        await Expect(widget.AssistantMessages).ToHaveCountAsync(2);
        await ScreenshotAsync(page, "2-same-answer-from-history");
        await AssertInertAsync(page, widget.AssistantMessages.Last);
    }

    [Test]
    public async Task An_external_link_asks_for_confirmation_first_and_Cancel_opens_nothing()
    {
        var bot = await HostileDocsBotAsync();
        var page = await NewPageAsync();
        var widget = new WidgetPage(page);
        var fetched = new List<string>();
        await page.Context.RouteAsync(url => url.StartsWith("https://", StringComparison.Ordinal), route =>
        {
            fetched.Add(route.Request.Url);
            return route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = "<title>External</title>" });
        });
        await ServeHostPageAsync(page, BubblePage(bot.PublicId));
        await page.GotoAsync(HostOrigin + "/");
        await widget.OpenAndWaitForGreetingAsync();
        var answer = await widget.AskAsync("Where is the password reset form?");

        // A source link: the dialog names the host; Cancel closes it, opens nothing and gives focus back to the link.
        var source = answer.Locator("[data-role=sources] a");
        await Expect(source).ToHaveAttributeAsync("href", HostileSourceUrl);
        await source.ClickAsync();
        var dialog = widget.Role("link-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToHaveAttributeAsync("aria-modal", "true");
        await Expect(dialog.Locator("h2")).ToHaveTextAsync("Open external link?");
        await Expect(widget.Role("link-body")).ToHaveTextAsync("You are going to docs.notewell.example. Continue?");
        await Expect(widget.Role("link-url")).ToHaveTextAsync(HostileSourceUrl);
        await Expect(widget.Role("link-cancel")).ToBeFocusedAsync();
        await ScreenshotAsync(page, "1-link-dialog-for-a-source");

        await widget.Role("link-cancel").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(source).ToBeFocusedAsync();
        Assert.That(page.Context.Pages, Has.Count.EqualTo(1), "no tab was opened");
        Assert.That(fetched, Is.Empty, "nothing was fetched from the external site");
        await ScreenshotAsync(page, "2-cancelled");

        // A link inside the answer: the same dialog; Escape cancels it (and only it).
        var inline = answer.Locator("[data-role=message-body] a");
        await Expect(inline).ToHaveAttributeAsync("href", HostileAnswerLinkUrl);
        await inline.ClickAsync();
        await Expect(widget.Role("link-body")).ToHaveTextAsync("You are going to account.notewell.example. Continue?");
        await ScreenshotAsync(page, "3-link-dialog-for-an-answer-link");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(widget.Panel).ToBeVisibleAsync();
        await Expect(inline).ToBeFocusedAsync();
        Assert.That(page.Context.Pages, Has.Count.EqualTo(1), "no tab was opened");
        Assert.That(fetched, Is.Empty, "nothing was fetched from the external site");

        // Open goes on to the link, in a new tab.
        await source.ClickAsync();
        var popup = await page.Context.RunAndWaitForPageAsync(() => widget.Role("link-continue").ClickAsync());
        await popup.WaitForURLAsync(HostileSourceUrl);
        Assert.That(fetched, Is.EqualTo(new[] { HostileSourceUrl }));
        await Expect(dialog).ToHaveCountAsync(0);
    }

    private async Task AssertInertAsync(IPage page, ILocator answer)
    {
        await Expect(answer).ToHaveAttributeAsync("data-state", "done");
        var body = answer.Locator("[data-role=message-body]");
        // The markup is there, as text: the answer did quote it.
        await Expect(body).ToContainTextAsync("<img src=x onerror=\"window.__xss=1;alert('img')\">");
        await Expect(body).ToContainTextAsync("<a href=\"javascript:window.__xss=3\">reset it</a>");
        await Expect(body).ToContainTextAsync("<script>window.__xss=4;alert('script')</script>");
        await Expect(body).ToContainTextAsync("and then here or");
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const root = {{WidgetPage.ShadowRootJs}};
              return {
                xss: typeof window.__xss,
                active: root.querySelectorAll('img, script, iframe, object, embed, svg image').length + document.querySelectorAll('img, iframe').length,
                links: [...root.querySelectorAll('a')].map(a => a.getAttribute('href')),
              };
            }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(found.GetProperty("xss").GetString(), Is.EqualTo("undefined"), "no quoted script ran");
            Assert.That(found.GetProperty("active").GetInt32(), Is.Zero, "no <img>, <script> or frame was created");
            Assert.That(found.GetProperty("links").EnumerateArray().Select(l => l.GetString()), Has.All.StartWith("https://"), "no javascript: link");
            Assert.That(Dialogs, Is.Empty, "no alert fired");
            Assert.That(PageErrors, Is.Empty);
        });
    }

    private static async Task<Dictionary<string, string>> StyleAsync(ILocator element) =>
        await element.EvaluateAsync<Dictionary<string, string>>("""
            e => {
              const s = getComputedStyle(e);
              const out = {};
              for (const k of ['fontSize', 'fontStyle', 'fontFamily', 'color', 'backgroundColor', 'visibility', 'textTransform',
                'letterSpacing', 'marginTop', 'borderTopStyle']) out[k] = s[k];
              return out;
            }
            """);

    private static async Task<JsonElement> HostPageStateAsync(IPage page) =>
        await page.EvaluateAsync<JsonElement>("""
            () => {
              const attrs = (e) => [...e.attributes].map(a => a.name + '=' + a.value).join(' ');
              const shop = getComputedStyle(document.getElementById('shop-text'));
              return {
                head: document.head.innerHTML,
                styleSheets: document.styleSheets.length,
                adoptedStyleSheets: document.adoptedStyleSheets.length,
                styleElements: document.querySelectorAll('style, link[rel~=stylesheet]').length,
                html: attrs(document.documentElement),
                body: attrs(document.body) + ' | ' + [...document.body.children].map(e => e.tagName + '#' + e.id).join(','),
                chat: [...document.getElementById('chat').children].map(e => e.tagName + ' ' + attrs(e)).join(','),
                shop: [shop.fontSize, shop.color, shop.fontStyle, shop.textTransform].join(' '),
                newGlobals: Object.getOwnPropertyNames(window).filter(k => !window.__globalsBefore.includes(k) && k !== '__globalsBefore'),
              };
            }
            """);

    /// <summary>A customer's page (on <see cref="BrowserFixtureBase.HostOrigin"/>) with the widget in bubble mode.</summary>
    private string BubblePage(string publicBotId) => $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>A customer's page</title><link rel="icon" href="data:,"></head>
        <body>
        <h1>Notewell account help</h1>
        <script src="{BaseUrl}/widget.js" data-bot-id="{publicBotId}"></script>
        <script>Chat9Widget.start();</script>
        </body>
        </html>
        """;

    /// <summary>A bot whose only document is <see cref="HostileDocument"/>, at an external source URL (created once per fixture).</summary>
    private Task<CreatedBotDto> HostileDocsBotAsync() => (_hostileBot ??= new Lazy<Task<CreatedBotDto>>(CreateHostileDocsBotAsync)).Value;

    private async Task<CreatedBotDto> CreateHostileDocsBotAsync()
    {
        var bot = await CreateBotAsync("Account help");
        using var client = ClientWithKey(bot.ApiKey);
        var id = await client.UploadOkAsync("reset-password.txt", Encoding.UTF8.GetBytes(HostileDocument), HostileSourceUrl);
        var document = await client.WaitUntilProcessedAsync(id);
        Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), document.ToString());
        return bot;
    }
}
