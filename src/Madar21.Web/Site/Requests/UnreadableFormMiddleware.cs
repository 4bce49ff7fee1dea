using Microsoft.AspNetCore.Diagnostics;

namespace Madar21.Web.Site.Requests;

/// <summary>
/// Reads a posted form before anything binds it, so that a form the server cannot parse (more than 1,024 fields,
/// a name that cannot be bound) is answered 400 with the Arabic page that says so. Left to model binding, such a
/// form leaves every parameter unbound, the article id included, and the reader got a 404 for an article that
/// exists. The form is read once: binding and antiforgery use the same parsed copy.
/// </summary>
public sealed class UnreadableFormMiddleware(RequestDelegate next, ILogger<UnreadableFormMiddleware> log)
{
    /// <summary>Set in <see cref="HttpContext.Items"/> when the form was refused: the error page says why.</summary>
    public const string Refused = "Madar21.UnreadableForm";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasFormContentType || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || context.GetEndpoint() is null
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            if (form.Keys.Any(key => key.Any(char.IsControl)))
                throw new InvalidDataException("A field name holds a control character.");
        }
        catch (InvalidDataException ex)
        {
            log.LogWarning("Refused an unreadable form posted to {Path}: {Reason}", request.Path.Value, ex.Message);
            context.Items[Refused] = true;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            request.Body = Stream.Null;
            return;
        }
        await next(context);
    }
}
