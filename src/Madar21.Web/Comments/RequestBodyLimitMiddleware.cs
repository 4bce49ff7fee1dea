using System.Buffers;
using Microsoft.AspNetCore.Http.Metadata;

namespace Madar21.Web.Comments;

/// <summary>
/// Enforces an endpoint's <c>[RequestSizeLimit]</c> before model binding reads the form. Left to MVC, an oversized
/// form becomes a model-binding error (400), or nothing at all on servers without a body-size feature (TestServer);
/// here it is always 413. A body without Content-Length is buffered up to the limit and then replayed.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not { MaxRequestBodySize: { } limit }
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        if (request.ContentLength is { } length)
        {
            if (length > limit)
            {
                Reject(context);
                return;
            }
        }
        else if (!await FitsAsync(request, limit, context.RequestAborted))
        {
            Reject(context);
            return;
        }

        await next(context);
    }

    private static async Task<bool> FitsAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        request.EnableBuffering();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
                if ((total += read) > limit) return false;
            request.Body.Position = 0;
            return true;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel enforces the same limit on the body it streams, and says so by throwing when it is passed.
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // No body: the status-code page renders the Arabic 413 page in the layout. The request's body is dropped so that
    // nothing in that re-executed request reads it.
    private static void Reject(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Request.Body = Stream.Null;
        context.Request.ContentLength = 0;
    }
}
