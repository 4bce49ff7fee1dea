namespace Madar21.Web.Media;

/// <summary><c>--reprocess-media</c>: every picture made again from its original (new widths, new encoder settings), then exit.</summary>
public static class ReprocessMediaCommand
{
    public const string Switch = "--reprocess-media";

    /// <summary>The arguments for configuration, without the switch (the command-line provider would read it as a key).</summary>
    public static string[] WithoutSwitch(string[] args) => args.Where(a => a != Switch).ToArray();

    /// <returns>True when the switch was given: the pictures are done and the process should stop.</returns>
    public static async Task<bool> RunAsync(IServiceProvider services, string[] args, ILogger logger)
    {
        if (!args.Contains(Switch)) return false;
        await using var scope = services.CreateAsyncScope();
        var done = await scope.ServiceProvider.GetRequiredService<MediaLibrary>().ReprocessAllAsync(CancellationToken.None);
        logger.LogInformation("Reprocessed {Pictures} pictures", done);
        return true;
    }
}
