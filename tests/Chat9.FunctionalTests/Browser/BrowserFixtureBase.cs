using System.Text.Json;
using Chat9.Application.Demo.SeedDemoBot;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.FunctionalTests.Widget;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace Chat9.FunctionalTests.Browser;

/// <summary>
/// A real Chromium (Debian's package, driven by Playwright; no browser is ever downloaded) against the real server on
/// loopback, with the demo bot seeded from samples/ exactly as on a first run. Without Chromium the tests report
/// Ignored with the reason. Every test can save screenshots of its states under the test output; a failing test also
/// gets a <c>failure</c> screenshot of each page it opened and a Playwright trace of each browser context.
/// </summary>
public abstract class BrowserFixtureBase(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    /// <summary>The demo page's origin is the server's; a page the tests serve themselves lives on this other origin.</summary>
    protected const string HostOrigin = "http://shop.localhost";

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<IPage> _pages = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not running.");

    /// <summary>The demo bot's public id (seeded with the sample docs, all of them ready).</summary>
    protected string DemoBotId { get; private set; } = null!;

    /// <summary>The demo bot's name, as the widget shows it.</summary>
    protected static string DemoBotName => SeedDemoBotCommandHandler.DemoBotName;

    protected string BaseUrl => Client.BaseAddress!.ToString().TrimEnd('/');

    /// <summary>What pages printed to their console (and uncaught errors) during the current test.</summary>
    protected List<string> ConsoleLines { get; } = [];

    /// <summary>Uncaught errors of the current test's pages.</summary>
    protected List<string> PageErrors { get; } = [];

    /// <summary>Every alert/confirm/prompt a page of the current test raised (each is dismissed at once).</summary>
    protected List<string> Dialogs { get; } = [];

    [OneTimeSetUp]
    public async Task StartBrowserAsync()
    {
        var chromium = ChromiumLocator.Find();
        if (chromium is null)
        {
            Assert.Ignore(ChromiumLocator.MissingReason);
        }

        var seeded = await SendAsync(new SeedDemoBotCommand(Reset: false, BaseUrl));
        DemoBotId = seeded.PublicId;
        using (var management = ClientWithKey(seeded.ApiKey!))
        {
            await WaitForDocumentsAsync(management);
        }

        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // The machine's network is closed: without these flags Chromium keeps dialling Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    [OneTimeTearDown]
    public async Task StopBrowserAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [SetUp]
    public void ForgetPreviousTest()
    {
        ConsoleLines.Clear();
        PageErrors.Clear();
        Dialogs.Clear();
    }

    [TearDown]
    public async Task CloseContextsAsync()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed;
        for (var i = 0; i < _pages.Count; i++)
        {
            if (failed && !_pages[i].IsClosed)
            {
                try
                {
                    await ScreenshotAsync(_pages[i], i == 0 ? "failure" : $"failure-{i}");
                }
                catch (PlaywrightException)
                {
                    // The page is gone; nothing to show.
                }
            }
        }

        if (failed && ConsoleLines.Count > 0)
        {
            TestContext.Out.WriteLine("Browser console:\n" + string.Join('\n', ConsoleLines));
        }

        for (var i = 0; i < _contexts.Count; i++)
        {
            if (failed)
            {
                // Open with: pwsh bin/.../playwright.ps1 show-trace <file> (works offline).
                var path = Path.Combine(ArtifactFolder(), i == 0 ? "failure-trace.zip" : $"failure-trace-{i}.zip");
                await _contexts[i].Tracing.StopAsync(new TracingStopOptions { Path = path });
                TestContext.AddTestAttachment(path, "Playwright trace");
            }
            else
            {
                await _contexts[i].Tracing.StopAsync();
            }

            await _contexts[i].CloseAsync();
        }

        _contexts.Clear();
        _pages.Clear();
    }

    /// <summary>A fresh browser context (own localStorage) with a desktop viewport unless told otherwise; closed after the test.</summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        _contexts.Add(context);
        context.SetDefaultTimeout(15_000);
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Title = TestContext.CurrentContext.Test.Name });
        var page = await context.NewPageAsync();
        _pages.Add(page);
        page.Console += (_, message) => ConsoleLines.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) =>
        {
            ConsoleLines.Add($"pageerror: {error}");
            PageErrors.Add(error);
        };
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>
    /// Serves <paramref name="html"/> at <see cref="HostOrigin"/> from inside the browser (no server, no DNS): a customer's
    /// page on another origin than Chat9's. Only that origin is intercepted; the widget's API calls go to the real server.
    /// <para>
    /// In production both the customer's page and Chat9 are public, but here Chat9 is on loopback, which Chromium's Local
    /// Network Access rules shield from other sites: the host origin is a secure <c>*.localhost</c> one and is granted the
    /// <c>local-network-access</c> permission (what a visitor's "Allow" would do), so the cross-origin calls are plain CORS.
    /// </para>
    /// </summary>
    protected static async Task ServeHostPageAsync(IPage page, string html)
    {
        await page.Context.GrantPermissionsAsync(["local-network-access"], new BrowserContextGrantPermissionsOptions { Origin = HostOrigin });
        await page.RouteAsync(url => url.StartsWith(HostOrigin + "/", StringComparison.Ordinal), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = html,
        }));
    }

    /// <summary>
    /// Saves a screenshot of what the viewport shows under the test output as <c>screenshots/&lt;test&gt;/&lt;state&gt;.png</c>
    /// and attaches it to the test result. The widget is fixed to the viewport, so a full-page capture (<paramref name="fullPage"/>)
    /// of a long page shows it stretched away from where a visitor sees it.
    /// </summary>
    protected static async Task ScreenshotAsync(IPage page, string state, bool fullPage = false)
    {
        var path = Path.Combine(ArtifactFolder(), Sanitize(state) + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        TestContext.AddTestAttachment(path, state);
    }

    /// <summary><c>screenshots/&lt;test&gt;/</c> under the test output: this test's screenshots and, when it fails, its trace.</summary>
    private static string ArtifactFolder()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", Sanitize(TestContext.CurrentContext.Test.Name));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private async Task WaitForDocumentsAsync(HttpClient management)
    {
        var listing = JsonDocument.Parse(await management.GetStringAsync("/documents?limit=200")).RootElement;
        foreach (var document in listing.GetProperty("items").EnumerateArray())
        {
            var final = await management.WaitUntilProcessedAsync(document.GetProperty("id").GetGuid());
            Assert.That(final.GetProperty("status").GetString(), Is.EqualTo("ready"), final.ToString());
        }
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}

/// <summary>Where Chromium is: <c>CHAT9_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
public static class ChromiumLocator
{
    public const string MissingReason =
        "Chromium not available: install Debian's chromium package (.ci/run does) or set CHAT9_CHROMIUM to its path.";

    public static string? Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHAT9_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));
    }
}
