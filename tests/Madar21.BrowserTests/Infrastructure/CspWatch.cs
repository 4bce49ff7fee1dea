using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Infrastructure;

/// <summary>
/// Every Content-Security-Policy violation in a browser context: Chromium reports each one in the console
/// («Refused to apply inline style because it violates the following Content Security Policy directive…»), and a
/// listener of the page's own securitypolicyviolation event reports those the console would not name. The site's
/// policy forbids inline script and style, so one violation means something on the page is broken for readers.
/// </summary>
public static class CspWatch
{
    private static readonly ConditionalWeakTable<IBrowserContext, ConcurrentQueue<string>> Violations = new();

    // Injected by the browser itself, before the page's own code: not subject to the page's policy.
    private const string ReportEvents = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error(`Content Security Policy violation: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'} in ${e.sourceFile || document.URL}:${e.lineNumber}`));
        """;

    public static async Task StartAsync(IBrowserContext context)
    {
        var found = Violations.GetOrCreateValue(context);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                found.Enqueue($"{message.Page?.Url}: {message.Text}");
        };
        await context.AddInitScriptAsync(ReportEvents);
    }

    /// <summary>What the pages of this context reported so far.</summary>
    public static IReadOnlyList<string> Of(IBrowserContext context) =>
        Violations.TryGetValue(context, out var found) ? found.ToArray() : [];
}
