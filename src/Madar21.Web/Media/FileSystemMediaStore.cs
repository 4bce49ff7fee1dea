using Microsoft.Extensions.FileProviders;

namespace Madar21.Web.Media;

/// <summary>
/// The store on a folder (<c>Media:Path</c>), local or a volume shared by several nodes: <c>public/</c>,
/// <c>originals/</c> and <c>incoming/</c>. Each file is written under a temporary name and then renamed, so that
/// no node or reverse proxy ever reads half a file.
/// </summary>
public sealed class FileSystemMediaStore : IMediaStore
{
    private readonly string _root;
    private readonly Lazy<PhysicalFileProvider> _publicFiles;

    public FileSystemMediaStore(string root)
    {
        _root = System.IO.Path.GetFullPath(root);
        Directory.CreateDirectory(PathOf(MediaArea.Public, ""));
        _publicFiles = new(() => new PhysicalFileProvider(PathOf(MediaArea.Public, "")));
    }

    public IFileProvider PublicFiles => _publicFiles.Value;

    public async Task WriteAsync(MediaArea area, string name, byte[] bytes, CancellationToken ct)
    {
        var path = PathOf(area, name);
        if (File.Exists(path)) return; // same name, same bytes
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, ct);
        try { File.Move(temporary, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temporary); } // another node wrote it first
    }

    public async Task<byte[]?> ReadAsync(MediaArea area, string name, CancellationToken ct)
    {
        var path = PathOf(area, name);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public void Delete(MediaArea area, string name) => File.Delete(PathOf(area, name));

    public void PruneIncoming(TimeSpan olderThan)
    {
        var folder = PathOf(MediaArea.Incoming, "");
        if (!Directory.Exists(folder)) return;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
            if (file.LastWriteTimeUtc < DateTime.UtcNow - olderThan)
                file.Delete();
    }

    // Names come from our own hashes and tokens (MediaNames); the check keeps any other name out of the folder.
    private string PathOf(MediaArea area, string name)
    {
        var folder = System.IO.Path.Combine(_root, area.ToString().ToLowerInvariant());
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, name));
        if (!path.StartsWith(folder, StringComparison.Ordinal))
            throw new ArgumentException("A media name must stay inside its folder.", nameof(name));
        return path;
    }
}
