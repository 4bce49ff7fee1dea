using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static Madar21.Tests.Pages.Articles.CommentTestKit;

namespace Madar21.Tests.Data;

public class BackupCommandTests
{
    [Fact]
    public async Task A_backup_taken_while_comments_are_posted_holds_every_comment_acknowledged_before_it_began()
    {
        using var factory = new CommentsFactory();
        await factory.StartAsync();
        var path = PathOf(await factory.SeedArticleAsync());
        var acknowledged = new ConcurrentQueue<(string Text, long At)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var client = factory.ClientAt($"198.51.100.{w + 1}");
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var values = ValidValues($"تعليق {n} من الكاتب {w} {Guid.NewGuid():N}");
                values["email"] = $"writer{w}@example.ma";
                var response = await client.PostRawAsync(path, values);
                Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
                acknowledged.Enqueue((values["comment"]!, clock.ElapsedTicks)); // after the 303: the site has said "stored"
            }
        })).ToList();

        while (acknowledged.Count < 40) await Task.Delay(10);
        var backupPath = Path.Combine(factory.Root, "backups", "madar21-backup.db");
        var began = clock.ElapsedTicks;
        var exitCode = await BackupCommand.RunAsync(factory.Services, backupPath, NullLogger.Instance);
        var backupTook = clock.ElapsedTicks;
        while (acknowledged.Count(a => a.At > backupTook) < 8) await Task.Delay(10); // the writers went on during and after it
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Equal(0, exitCode);
        var inBackup = await ReadAsync(backupPath, "SELECT Text FROM Comments");
        var before = acknowledged.Where(a => a.At < began).Select(a => a.Text).ToList();
        Assert.True(before.Count >= 40);
        Assert.NotEmpty(before);
        Assert.All(before, text => Assert.Contains(text, inBackup));
        Assert.Equal(["ok"], await ReadAsync(backupPath, "PRAGMA integrity_check"));
        Assert.Equal(["delete"], await ReadAsync(backupPath, "PRAGMA journal_mode")); // one self-contained file
        Assert.False(File.Exists(backupPath + ".partial"));
        // The live database kept every acknowledged comment too, those after the backup included.
        var live = await ReadAsync(factory.DatabasePath, "SELECT Text FROM Comments");
        Assert.NotEmpty(acknowledged);
        Assert.All(acknowledged, a => Assert.Contains(a.Text, live));
    }

    [Fact]
    public async Task The_command_line_writes_a_backup_and_exits_0_and_exits_1_with_a_clear_message_when_it_cannot()
    {
        using var factory = new MadarFactory();
        await factory.StartAsync();
        var articles = (await ReadAsync(factory.DatabasePath, "SELECT Title FROM Articles")).Count;
        var target = Path.Combine(factory.Root, "out", "copy.db");

        var (good, goodOutput) = await RunSiteAsync(factory.DatabasePath, "--backup", target);
        var (folder, folderOutput) = await RunSiteAsync(factory.DatabasePath, "--backup", factory.Root);
        var (missing, missingOutput) = await RunSiteAsync(Path.Combine(factory.Root, "none.db"), "--backup", target + "2");

        Assert.True(good == 0, goodOutput);
        Assert.Contains("integrity check ok", goodOutput);
        Assert.Equal(articles, (await ReadAsync(target, "SELECT Title FROM Articles")).Count);
        Assert.Equal(1, folder);
        Assert.Contains("is a folder", folderOutput);
        Assert.Equal(1, missing);
        Assert.Contains("there is no database", missingOutput);
        Assert.False(File.Exists(target + "2"));
    }

    [Theory]
    [InlineData(new[] { "--backup", "/tmp/b.db" }, "/tmp/b.db", new string[0])]
    [InlineData(new[] { "--urls", "http://127.0.0.1:1", "--backup", "b.db" }, "b.db", new[] { "--urls", "http://127.0.0.1:1" })]
    [InlineData(new[] { "--backup" }, "", new string[0])]
    [InlineData(new[] { "--backup", "--urls", "x" }, "", new[] { "--urls", "x" })]
    [InlineData(new[] { "--urls", "x" }, null, new[] { "--urls", "x" })]
    public void The_switch_and_its_path_are_taken_out_of_the_configuration_arguments(string[] args, string? target, string[] rest)
    {
        Assert.Equal(target, BackupCommand.TargetOf(args));
        Assert.Equal(rest, BackupCommand.WithoutSwitch(args));
    }

    private static async Task<List<string>> ReadAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>The built site as the command line runs it (<c>dotnet Madar21.Web.dll …</c>), its exit code and output.</summary>
    private static async Task<(int ExitCode, string Output)> RunSiteAsync(string database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Madar21.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add($"--ConnectionStrings:Default=Data Source={database}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}

public class DurabilityTests
{
    [Fact]
    public async Task Every_connection_of_the_site_syncs_each_commit_to_disk_in_write_ahead_logging()
    {
        using var factory = new MadarFactory();
        await factory.StartAsync();

        var settings = await factory.WithDb(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            var synchronous = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = "PRAGMA journal_mode";
            return (synchronous, (string)(await command.ExecuteScalarAsync())!);
        });

        Assert.Equal((2, "wal"), settings); // 2 = FULL
    }
}
