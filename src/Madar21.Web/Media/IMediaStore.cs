using Microsoft.Extensions.FileProviders;

namespace Madar21.Web.Media;

/// <summary>The three places a picture's files live.</summary>
public enum MediaArea
{
    /// <summary>Derivatives, served to everyone at /media/ (by the app or directly by a reverse proxy).</summary>
    Public,
    /// <summary>The uploaded originals, never served, kept for re-processing.</summary>
    Originals,
    /// <summary>Uploads held while the form asks for what is missing (alt text); pruned after a day.</summary>
    Incoming,
}

/// <summary>
/// Where picture files are kept. Names are content hashes (or random tokens, for incoming files), so a write
/// never replaces different bytes and several nodes can share one store.
/// </summary>
public interface IMediaStore
{
    Task WriteAsync(MediaArea area, string name, byte[] bytes, CancellationToken ct);
    Task<byte[]?> ReadAsync(MediaArea area, string name, CancellationToken ct);
    void Delete(MediaArea area, string name);

    /// <summary>Deletes incoming files older than the given age.</summary>
    void PruneIncoming(TimeSpan olderThan);

    /// <summary>The public derivatives, for the static-file middleware.</summary>
    IFileProvider PublicFiles { get; }
}
