using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Glas.Web.Tests.TestSupport;
using Microsoft.Playwright;
using Shouldly;

namespace Glas.Web.Tests.Browser;

/// <summary>Glas on a real Kestrel port, driven by Debian Chromium through Playwright.</summary>
public class BrowserFactory : GlasFactory
{
    private IPlaywright? playwright;

    public int Port { get; } = FreePort();
    /// <summary>Where the browser goes: this server, or a proxy in front of it.</summary>
    public virtual string BaseUrl => $"http://localhost:{Port}";

    protected override Uri ClientBase => new(BaseUrl);

    /// <summary>Links in e-mails lead to this server's real port.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Glas:PublicBaseUrl"] = BaseUrl };
    public IBrowser Browser { get; private set; } = null!;

    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe.min.js"));

    public BrowserFactory() => UseKestrel(Port);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GLAS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    protected override async Task DisposeAllAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await base.DisposeAllAsync();
    }

    /// <summary>A page in a fresh context (no cookies); <paramref name="zoom"/> 2 is a 200 % zoom (half the CSS pixels, twice the density).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, bool javaScript = true, float zoom = 1)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = (int)(width / zoom), Height = (int)(900 / zoom) },
            DeviceScaleFactor = zoom,
            Locale = "bg-BG",
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Runs axe-core in the page and fails on any WCAG 2.1 A or AA violation.</summary>
    /// <summary>Signs in through the real form as a demo account and waits to leave the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Glas.Web.DemoData.DemoSeeder.Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Имейл").FillAsync(email);
        await page.GetByLabel("Парола").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Влез" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public static async Task AssertAccessibleAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(Axe);
        }
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        list.ShouldBeEmpty($"axe-core found WCAG 2.1 A/AA violations on {page.Url}:\n{string.Join('\n', list)}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
