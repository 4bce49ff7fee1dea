namespace Madar21.Web.Comments;

/// <summary>
/// Marks a page or endpoint whose unsafe requests (POST, PUT, DELETE …) must come from the site itself. Used instead
/// of an antiforgery token where a token would make a public, cached page different for every visitor.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CrossOriginProtectionAttribute : Attribute;

/// <summary>
/// The algorithm of Go 1.25's <c>http.CrossOriginProtection</c>: modern browsers say where a request comes from in
/// <c>Sec-Fetch-Site</c>; older ones in <c>Origin</c>; a request with neither is not from a browser (or is a
/// same-origin navigation from a very old one), so no other site can have forged it.
/// </summary>
public sealed class CrossOriginProtection
{
    private readonly HashSet<string> _trustedOrigins;

    /// <param name="trustedOrigins">Origins allowed besides the request's own host, e.g. the site's public base URL.</param>
    public CrossOriginProtection(IEnumerable<string> trustedOrigins) =>
        _trustedOrigins = trustedOrigins.Select(OriginOf).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool Allows(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            return true;

        var origin = request.Headers.Origin.ToString();
        switch (request.Headers["Sec-Fetch-Site"].ToString())
        {
            case "":
                break;
            case "same-origin" or "none":
                return true;
            default:
                return IsTrusted(origin);
        }

        if (origin.Length == 0) return true;
        // Like Go, only the host and port are compared: the Host header carries no scheme. A browser recent
        // enough to matter sends Sec-Fetch-Site anyway.
        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(HostAndPort(uri), request.Host.Value, StringComparison.OrdinalIgnoreCase))
            return true;
        return IsTrusted(origin);
    }

    private bool IsTrusted(string origin) => OriginOf(origin) is { } o && _trustedOrigins.Contains(o);

    /// <summary><c>scheme://host[:port]</c> as a browser writes it in <c>Origin</c>, or null for anything else (<c>null</c> included).</summary>
    private static string? OriginOf(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? $"{uri.Scheme}://{HostAndPort(uri)}"
            : null;

    private static string HostAndPort(Uri uri) => uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
}

/// <summary>Answers 403, before anything reads the body, to unsafe cross-origin requests to endpoints marked <see cref="CrossOriginProtectionAttribute"/>.</summary>
public sealed class CrossOriginProtectionMiddleware(RequestDelegate next, CrossOriginProtection protection, ILogger<CrossOriginProtectionMiddleware> log)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<CrossOriginProtectionAttribute>() is null || protection.Allows(context.Request))
            return next(context);

        log.LogWarning("Refused a cross-origin {Method} to {Path} (Sec-Fetch-Site {SecFetchSite}, Origin {Origin})",
            context.Request.Method, context.Request.Path.Value, context.Request.Headers["Sec-Fetch-Site"].ToString(), context.Request.Headers.Origin.ToString());
        // No body: the status-code page renders the Arabic 403 page in the layout.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
