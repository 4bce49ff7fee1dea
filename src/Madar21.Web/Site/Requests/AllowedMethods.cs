using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Site.Requests;

/// <summary>
/// Every page answers GET and HEAD, and the methods it has handlers for (POST where it has a form); OPTIONS gets
/// 204 with the <c>Allow</c> header, and any other method (PUT, DELETE, PATCH, TRACE …) 405 with it, before antiforgery,
/// authorisation or model binding see it. Left to Razor Pages, a method without a handler renders the page with no
/// handler run, and an empty model fails. Endpoints mapped with their methods (feeds, sitemaps) get the same 405
/// from routing itself.
/// </summary>
public sealed class AllowedMethodsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        // OPTIONS is asked by tools, never by a reader's navigation: its 404 or 405 needs no error page, and the
        // error page re-executed under OPTIONS would answer 200.
        if (HttpMethods.IsOptions(method) && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            statusCodePages.Enabled = false;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            // An error page re-executed for the original request keeps its method: it must still render.
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null
            || context.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page)
            return next(context);

        var allowed = AllowedOn(page);
        if (allowed.Contains(method, StringComparer.OrdinalIgnoreCase)) return next(context);
        if (HttpMethods.IsOptions(method))
        {
            // The question OPTIONS asks is what the URL accepts: the answer is the Allow header.
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            context.Response.Headers.Allow = string.Join(", ", allowed);
            return Task.CompletedTask;
        }
        // No body: the status-code page renders the Arabic 405 page in the layout.
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return Task.CompletedTask;
    }

    private static string[] AllowedOn(CompiledPageActionDescriptor page) =>
    [
        HttpMethods.Get, HttpMethods.Head,
        .. page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())
            .Where(m => m is not ("GET" or "HEAD")).Distinct().Order(StringComparer.Ordinal),
    ];
}
