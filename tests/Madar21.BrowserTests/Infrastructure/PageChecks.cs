using System.Text.Json;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Infrastructure;

/// <summary>What only a browser can tell about a page: layout, direction, focus; and its picture.</summary>
public static class PageChecks
{
    /// <summary>A full-page PNG under artifacts/, named for the journey and the step.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(TestPaths.Artifacts);
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, name + ".png"), FullPage = true });
    }

    /// <summary>A PNG of one part of the page (a form, say), where a full page on a phone would be too tall to read.</summary>
    public static async Task ScreenshotAsync(this ILocator element, string name)
    {
        Directory.CreateDirectory(TestPaths.Artifacts);
        await element.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, name + ".png") });
    }

    /// <summary>
    /// Closes the context (its pages and cookies), then fails if any of its pages broke the site's
    /// Content-Security-Policy: an inline style or script, or a request to another origin.
    /// </summary>
    public static async Task CloseCheckedAsync(this IBrowserContext context)
    {
        await context.CloseAsync();
        var violations = CspWatch.Of(context);
        Assert.True(violations.Count == 0, $"{violations.Count} Content-Security-Policy violation(s):\n" + string.Join('\n', violations));
    }

    public static Task<string> ComputedDirectionAsync(this IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).direction");

    public static async Task AssertNoHorizontalScrollAsync(this IPage page, string where)
    {
        var overflow = await HorizontalOverflowAsync(page);
        Assert.True(overflow is null, $"{where}: {overflow}");
    }

    /// <summary>Null when the page fits its viewport's width; otherwise what sticks out.</summary>
    public static async Task<string?> HorizontalOverflowAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("""
            () => [document.documentElement.scrollWidth, document.documentElement.clientWidth]
            """);
        return widths[0] <= widths[1]
            ? null
            : $"the page scrolls sideways (scrollWidth {widths[0]} > clientWidth {widths[1]}); widest elements: {await WidestElementsAsync(page)}";
    }

    /// <summary>The distances from an element's box to the right and to the left edge of the viewport.</summary>
    public static async Task<(double Right, double Left)> GapsToViewportEdgesAsync(this ILocator element)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("element not rendered");
        var viewport = element.Page.ViewportSize ?? throw new InvalidOperationException("no viewport");
        return (viewport.Width - (box.X + box.Width), box.X);
    }

    /// <summary>
    /// Where the first letter of an element's text is drawn, as the distance from the element's right and left
    /// edges: right-to-left text starts at the right.
    /// </summary>
    public static async Task<(double FromRight, double FromLeft)> FirstLetterOffsetsAsync(this ILocator element)
    {
        var offsets = await element.EvaluateAsync<double[]>("""
            el => {
                const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, n => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP);
                const text = walker.nextNode();
                const start = text.textContent.search(/\S/);
                const range = document.createRange();
                range.setStart(text, start);
                range.setEnd(text, start + 1);
                const letter = range.getBoundingClientRect(), box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                return [box.right - parseFloat(style.paddingRight) - letter.right, letter.left - box.left - parseFloat(style.paddingLeft)];
            }
            """);
        return (offsets[0], offsets[1]);
    }

    /// <summary>A description of the element that has the focus, and whether a focus indicator is drawn around it.</summary>
    public static async Task<FocusedElement> FocusedAsync(this IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
                const el = document.activeElement;
                if (!el || el === document.body) return JSON.stringify({ tag: 'body' });
                const s = getComputedStyle(el);
                const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                const shadow = s.boxShadow && s.boxShadow !== 'none';
                const r = el.getBoundingClientRect();
                return JSON.stringify({
                    tag: el.tagName.toLowerCase(), name: el.getAttribute('name'), type: el.getAttribute('type'),
                    text: (el.innerText || el.value || '').trim().slice(0, 60), href: el.getAttribute('href'),
                    inForm: !!el.closest('form[method=post]'), indicator: outline || shadow,
                    visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.left < innerWidth,
                });
            }
            """);
        return JsonSerializer.Deserialize<FocusedElement>(json, JsonOptions)!;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static Task<string> WidestElementsAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
            .map(el => ({ el, r: el.getBoundingClientRect() }))
            .filter(x => x.r.right > document.documentElement.clientWidth + 1 || x.r.left < -1)
            .slice(0, 5)
            .map(x => `${x.el.tagName.toLowerCase()}${x.el.className ? '.' + x.el.className : ''} [${Math.round(x.r.left)}..${Math.round(x.r.right)}]`)
            .join(', ')
        """);
}

public sealed record FocusedElement(
    string Tag, string? Name, string? Type, string? Text, string? Href, bool InForm, bool Indicator, bool Visible)
{
    public override string ToString() => $"<{Tag}{(Name is null ? "" : $" name={Name}")}{(Href is null ? "" : $" href={Href}")}> {Text}";
}
