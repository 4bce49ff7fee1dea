using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.Net.Http.Headers;

namespace Madar21.Web.Discovery;

/// <summary>
/// Writes an XML document into memory and answers it with Last-Modified and a strong ETag (a hash of the bytes),
/// so that the framework answers a matching conditional GET with 304. The hash catches what a date cannot,
/// such as an article taken out of a feed.
/// </summary>
public static class XmlResponse
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    public static IResult Create(string contentType, DateTime? lastModifiedUtc, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new XmlTextCleaningWriter(XmlWriter.Create(buffer, Settings)))
            write(writer);
        var bytes = buffer.ToArray();
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(bytes), 0, 16)}\"");
        DateTimeOffset? lastModified = lastModifiedUtc is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
        return Results.Bytes(bytes, contentType, lastModified: lastModified, entityTag: etag);
    }
}
