using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Madar21.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the email tests: Debian's aiosmtpd (package python3-aiosmtpd), storing each
/// message it accepts, byte for byte, as an .eml file (aiosmtpd's own Mailbox handler cannot store 8-bit UTF-8 text). Without it a test is skipped with a hint; with CI=true it fails instead, so
/// that the email tests cannot silently switch themselves off (.ci/run installs the package).
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    /// <summary>Debian's own Python, which has the package (a python3 earlier on PATH, e.g. pyenv's, may not).</summary>
    private const string Python = "/usr/bin/python3";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "madar21-smtp", Guid.NewGuid().ToString("N"));
    private Process? _process;

    /// <summary>A free port, chosen now, so that a test can point the site at it before the server runs.</summary>
    public int Port { get; } = FreePort();

    private string Received => Path.Combine(_folder, "received");

    private const string Script = """
        import os, sys, threading, uuid
        from aiosmtpd.controller import Controller

        class ToFolder:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(sys.argv[2], uuid.uuid4().hex)
                with open(name + ".partial", "wb") as f:
                    f.write(envelope.original_content)
                os.rename(name + ".partial", name + ".eml")
                return "250 Message accepted for delivery"

        Controller(ToFolder(), hostname="127.0.0.1", port=int(sys.argv[1])).start()
        threading.Event().wait()
        """;

    public static void RequireAiosmtpd()
    {
        var present = File.Exists(Python) && Run(Python, "-c \"import aiosmtpd\"") == 0;
        if (present) return;
        const string hint = "python3-aiosmtpd not found: apt-get install python3-aiosmtpd (the email tests talk to a real SMTP server).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("CI=true and " + hint);
        Skip.If(true, hint);
    }

    public async Task StartAsync()
    {
        RequireAiosmtpd();
        Directory.CreateDirectory(Received);
        var script = Path.Combine(_folder, "smtp_to_folder.py");
        await File.WriteAllTextAsync(script, Script);
        _process = Process.Start(new ProcessStartInfo(Python, [script, Port.ToString(), Received])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        for (var tries = 0; tries < 100; tries++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new InvalidOperationException($"The SMTP test server did not start on port {Port}");
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            if (!Directory.Exists(Received)) return [];
            return Directory.EnumerateFiles(Received, "*.eml").Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
                .OrderBy(f => f.Time).ThenBy(f => f.File, StringComparer.Ordinal)
                .Select(f => MimeMessage.Load(f.File)).ToList();
        }
    }

    /// <summary>Waits (in real time: the site sends in the background) until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Messages.Count < count && DateTime.UtcNow < until) await Task.Delay(100);
        var messages = Messages;
        Assert.True(messages.Count >= count, $"Expected {count} messages, the SMTP server received {messages.Count}");
        return messages;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
