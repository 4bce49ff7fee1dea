using Microsoft.AspNetCore.Mvc;

namespace Madar21.Web.Admin;

/// <summary>
/// Where to go after signing in. Only an address on this site is followed (a link to
/// <c>/admin/login?ReturnUrl=https://elsewhere</c> cannot send someone who just signed in to another site); anything
/// else goes to /admin. The address is percent-encoded, because a Location header carries ASCII only: an Arabic
/// path such as <c>/section/سياسة</c> would otherwise make the redirect fail.
/// </summary>
public static class StaffReturnUrl
{
    public const string Default = "/admin";

    private static readonly Uri Here = new("http://here.invalid/");

    public static string Resolve(IUrlHelper url, string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !url.IsLocalUrl(returnUrl)) return Default;
        var local = returnUrl.StartsWith("~/", StringComparison.Ordinal) ? returnUrl[1..] : returnUrl;
        return Uri.TryCreate(Here, local, out var uri) && uri.Host == Here.Host ? uri.PathAndQuery : Default;
    }
}
