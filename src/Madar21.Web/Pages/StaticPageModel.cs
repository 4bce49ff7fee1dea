using Madar21.Web.Site;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Pages;

/// <summary>The site's own pages linked from the footer (من نحن، اتصل بنا، الخصوصية): text in their views, cached like the lists.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Lists)]
public class StaticPageModel(IOptions<SiteOptions> options) : PageModel
{
    public SiteOptions Site => options.Value;

    public void OnGet() { }
}
