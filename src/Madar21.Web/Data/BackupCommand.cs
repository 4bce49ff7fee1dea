using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Data;

/// <summary>
/// <c>--backup PATH</c>: a consistent copy of the database, taken while the site may be serving, verified, then the
/// process exits (0 when the copy is good). SQLite's online backup API copies every page inside one read
/// transaction: in WAL mode writers go on meanwhile, and the copy is the database as it was when the copy began,
/// with every write acknowledged before that moment.
/// </summary>
public static class BackupCommand
{
    public const string Switch = "--backup";

    /// <summary>The path after <c>--backup</c>, or null when the switch is not given.</summary>
    public static string? TargetOf(string[] args)
    {
        var at = Array.IndexOf(args, Switch);
        if (at < 0) return null;
        return at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : "";
    }

    /// <summary>The arguments for configuration, without the switch and its path.</summary>
    public static string[] WithoutSwitch(string[] args)
    {
        var at = Array.IndexOf(args, Switch);
        if (at < 0) return args;
        var length = at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? 2 : 1;
        return [.. args[..at], .. args[(at + length)..]];
    }

    /// <returns>The process exit code: 0 when the backup is written and passes SQLite's integrity check.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string target, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            logger.LogError("--backup needs the path of the file to write, e.g. --backup /var/backups/madar21-2026-12-03.db");
            return 2;
        }

        string connectionString;
        await using (var scope = services.CreateAsyncScope())
            connectionString = scope.ServiceProvider.GetRequiredService<MadarDb>().Database.GetConnectionString()!;
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        var destination = Path.GetFullPath(target);
        // Written beside the target and renamed at the end: a failed or interrupted backup never leaves a file
        // that looks like a good one, nor spoils an older backup of the same name.
        var partial = destination + ".partial";
        var clock = Stopwatch.StartNew();
        try
        {
            if (!File.Exists(source.DataSource))
            {
                logger.LogError("Backup failed: there is no database at {Database}", source.DataSource);
                return 1;
            }
            if (string.Equals(Path.GetFullPath(source.DataSource), destination, StringComparison.Ordinal))
            {
                logger.LogError("Backup failed: {Target} is the database itself; choose another path", destination);
                return 1;
            }
            if (Directory.Exists(destination))
            {
                logger.LogError("Backup failed: {Target} is a folder; give the path of a file", destination);
                return 1;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Delete(partial);

            await using (var from = new SqliteConnection(source.ConnectionString))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
            {
                await from.OpenAsync();
                using (var wait = from.CreateCommand())
                {
                    wait.CommandText = "PRAGMA busy_timeout=10000;";
                    await wait.ExecuteNonQueryAsync();
                }
                await to.OpenAsync();
                from.BackupDatabase(to);
                // One self-contained file: the copy does not need a -wal beside it to be complete. The site switches
                // a restored file back to WAL at start-up.
                await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;");
                var check = await ExecuteAsync(to, "PRAGMA integrity_check;");
                if (check != "ok")
                {
                    logger.LogError("Backup failed: the copy does not pass SQLite's integrity check ({Result}); nothing was written to {Target}", check, destination);
                    File.Delete(partial);
                    return 1;
                }
            }
            File.Move(partial, destination, overwrite: true);
            logger.LogInformation("Backup written to {Target}: {Bytes} bytes, integrity check ok, in {ElapsedMs} ms",
                destination, new FileInfo(destination).Length, clock.ElapsedMilliseconds);
            return 0;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            logger.LogError("Backup to {Target} failed: {Reason}", destination, ex.Message);
            try { File.Delete(partial); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<string?> ExecuteAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
