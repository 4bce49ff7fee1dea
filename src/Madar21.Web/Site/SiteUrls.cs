using Microsoft.Extensions.Options;

namespace Madar21.Web.Site;

/// <summary>Absolute URLs on the configured public origin (<c>Site:BaseUrl</c>), never on the request's Host header.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    public string BaseUrl { get; } = options.Value.BaseUrl.TrimEnd('/');

    /// <param name="path">A site path starting with <c>/</c>, already escaped (as <c>ArticleQueries.UrlOf</c> gives it).</param>
    public string Absolute(string path) => BaseUrl + path;
}
