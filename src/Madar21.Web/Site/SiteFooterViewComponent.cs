using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Site;

/// <summary>The footer: the sections (the same kept list as the bar, no query of its own), the feed, the site's accounts.</summary>
public sealed class SiteFooterViewComponent(MadarDb db, PageCache cache, IOptions<SiteOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var site = options.Value;
        (string Name, string? Url)[] accounts =
        [
            ("واتساب", site.WhatsAppUrl), ("Google News", site.GoogleNewsUrl), ("فيسبوك", site.FacebookUrl),
            ("إكس", site.XUrl), ("يوتيوب", site.YouTubeUrl), ("إنستغرام", site.InstagramUrl),
        ];
        return View(new SiteFooter(
            await SectionNavViewComponent.SectionNames(db, cache),
            accounts.Where(a => !string.IsNullOrWhiteSpace(a.Url)).Select(a => new FooterLink(a.Name, a.Url!)).ToList()));
    }
}

public sealed record FooterLink(string Name, string Url);

public sealed record SiteFooter(List<string> Sections, List<FooterLink> Accounts);
