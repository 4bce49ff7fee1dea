using Deque.AxeCore.Commons;
using Madar21.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Madar21.BrowserTests.Standards;

/// <summary>
/// Every page type against two independent checkers, axe-core for accessibility (WCAG 2.0, 2.1, 2.2, A and AA)
/// and the W3C Nu Html Checker for HTML validity, and on a phone's width. Each page is visited once; vnu checks all
/// of them in one run.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class StandardsTests(BrowserSite site, ITestOutputHelper output)
{
    [SkippableTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Axe_finds_no_accessibility_violations(string pageType)
    {
        var snapshot = await SnapshotAsync(pageType);

        Assert.True(snapshot.Violations.Count == 0,
            $"axe-core found {snapshot.Violations.Count} violation(s) on {pageType}:\n" + string.Join('\n', snapshot.Violations.Select(Describe)));
    }

    [SkippableTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Fits_a_375_px_screen_without_sideways_scrolling(string pageType)
    {
        var snapshot = await SnapshotAsync(pageType);

        Assert.True(snapshot.PhoneOverflow is null, $"{pageType} at 375 px: {snapshot.PhoneOverflow}");
    }

    [SkippableTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task The_browser_reports_no_Content_Security_Policy_violation(string pageType)
    {
        var snapshot = await SnapshotAsync(pageType);

        Assert.True(snapshot.CspViolations.Count == 0,
            $"{pageType}: {snapshot.CspViolations.Count} violation(s):\n" + string.Join('\n', snapshot.CspViolations));
    }

    [SkippableTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Nu_Html_Checker_finds_no_errors(string pageType)
    {
        Prerequisites.RequireNuChecker();
        var snapshot = await SnapshotAsync(pageType);
        var messages = await site.OnceAsync("vnu", async () =>
        {
            var snapshots = await site.OnceAsync("page types", () => PageTypes.VisitAllAsync(site));
            return await NuChecker.CheckAsync(snapshots.Values.Where(s => s.Failure is null).Select(s => s.HtmlPath).ToList());
        });

        var mine = messages.Where(m => m.File == Path.GetFileName(snapshot.HtmlPath)).ToList();
        foreach (var warning in mine.Where(m => !m.IsError))
            output.WriteLine(warning.ToString());
        var errors = mine.Where(m => m.IsError).ToList();
        Assert.True(errors.Count == 0, $"vnu found {errors.Count} error(s) in {pageType}:\n" + string.Join('\n', errors));
    }

    private async Task<PageSnapshot> SnapshotAsync(string pageType)
    {
        Prerequisites.RequireBrowser();
        var snapshots = await site.OnceAsync("page types", () => PageTypes.VisitAllAsync(site));
        var snapshot = snapshots[pageType];
        if (snapshot.Failure is not null)
            throw new InvalidOperationException($"the browser could not get the {pageType} page: {snapshot.Failure.Message}", snapshot.Failure);
        return snapshot;
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help}\n" + string.Join('\n', violation.Nodes.Take(5).Select(node =>
            $"    {node.Target}: {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message))}\n      {node.Html}"));
}
