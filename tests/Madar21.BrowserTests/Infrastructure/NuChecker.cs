using System.Diagnostics;
using System.Text.Json;

namespace Madar21.BrowserTests.Infrastructure;

/// <summary>One message of the W3C Nu Html Checker about one file.</summary>
public sealed record NuMessage(string File, string Type, string? SubType, int? Line, string Message, string? Extract)
{
    /// <summary>Errors fail the check; info messages (warnings) are only reported.</summary>
    public bool IsError => Type is "error" or "non-document-error";

    public override string ToString() => $"{Type} at line {Line}: {Message}  «{Extract?.Trim()}»";
}

/// <summary>
/// Runs vnu.jar (npm package vnu-jar) with the machine's Java over many files in one process: the JVM starts
/// once for the whole run.
/// </summary>
public static class NuChecker
{
    public static async Task<IReadOnlyList<NuMessage>> CheckAsync(IReadOnlyCollection<string> htmlFiles)
    {
        var start = new ProcessStartInfo(Prerequisites.JavaPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-jar", Prerequisites.VnuJarPath, "--format", "json", "--stdout", "--exit-zero-always" })
            start.ArgumentList.Add(arg);
        foreach (var file in htmlFiles)
            start.ArgumentList.Add(file);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var json = await stdout;
        if (process.ExitCode != 0 || string.IsNullOrWhiteSpace(json))
            throw new InvalidOperationException($"vnu.jar exited with {process.ExitCode}: {await stderr}");

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("messages").EnumerateArray().Select(m => new NuMessage(
            File: m.TryGetProperty("url", out var url) ? Uri.UnescapeDataString(url.GetString()![(url.GetString()!.LastIndexOf('/') + 1)..]) : "",
            Type: m.GetProperty("type").GetString()!,
            SubType: m.TryGetProperty("subType", out var sub) ? sub.GetString() : null,
            Line: m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : null,
            Message: m.GetProperty("message").GetString()!,
            Extract: m.TryGetProperty("extract", out var extract) ? extract.GetString() : null)).ToList();
    }
}
