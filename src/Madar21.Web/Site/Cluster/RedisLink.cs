using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Madar21.Web.Site.Cluster;

/// <summary>
/// This node's one connection to Redis, and whether it may be used now. While Redis cannot be reached the node
/// serves every page uncached (slower, never an error page) and says so in the log once a minute; when Redis is
/// back, the steps registered with <see cref="WhenRestored"/> run (evictions missed meanwhile are replayed) before
/// the shared cache is used again.
/// </summary>
public sealed class RedisLink : BackgroundService
{
    private static readonly TimeSpan DownLogInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly ILogger<RedisLink> _log;
    // The network's time, not the site's: tests move the site's clock by hand, and these checks must go on meanwhile.
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly SemaphoreSlim _checking = new(1, 1);
    private readonly List<Func<CancellationToken, Task>> _restoreSteps = [];
    private readonly List<Action> _lostSteps = [];
    private volatile bool _available;
    private DateTimeOffset _downLoggedAt = DateTimeOffset.MinValue;
    private DateTimeOffset? _downSince;

    public RedisLink(IOptions<RedisOptions> options, ILogger<RedisLink> log)
    {
        _log = log;
        Prefix = options.Value.Prefix;
        var config = ConfigurationOptions.Parse(options.Value.Configuration!);
        config.AbortOnConnectFail = false; // start without Redis, connect when it comes
        config.BacklogPolicy = BacklogPolicy.FailFast; // while disconnected, fail at once rather than hold the request
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 2000);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 1000);
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, 1000);
        config.ClientName ??= "madar21";
        Connection = ConnectionMultiplexer.Connect(config);
        Connection.ConnectionFailed += (_, _) => _ = CheckAsync(CancellationToken.None);
        Connection.ConnectionRestored += (_, _) => _ = CheckAsync(CancellationToken.None);
    }

    public IConnectionMultiplexer Connection { get; }

    /// <summary>Every key and channel name starts with it.</summary>
    public string Prefix { get; }

    /// <summary>True while Redis answers and everything missed during the last outage has been replayed.</summary>
    public bool IsAvailable => _available && Connection.IsConnected;

    /// <summary>Runs when Redis comes back, before <see cref="IsAvailable"/> turns true again.</summary>
    public void WhenRestored(Func<CancellationToken, Task> step)
    {
        lock (_restoreSteps) _restoreSteps.Add(step);
    }

    /// <summary>Runs when Redis is lost.</summary>
    public void WhenLost(Action step)
    {
        lock (_lostSteps) _lostSteps.Add(step);
    }

    /// <summary>An operation failed although the link looked up: look again now.</summary>
    public void Failed(Exception ex)
    {
        _log.LogDebug(ex, "A Redis operation failed");
        _ = CheckAsync(CancellationToken.None);
    }

    /// <summary>A round trip to Redis, for /healthz.</summary>
    public async Task<bool> PingAsync()
    {
        if (!Connection.IsConnected) return false;
        try
        {
            await Connection.GetDatabase().PingAsync();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await CheckAsync(stoppingToken);
            try { await Task.Delay(CheckInterval, _clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        if (!await _checking.WaitAsync(0, ct)) return; // a check is running already
        try
        {
            var connected = Connection.IsConnected;
            var now = _clock.GetUtcNow();
            if (connected && !_available)
            {
                Func<CancellationToken, Task>[] steps;
                lock (_restoreSteps) steps = [.. _restoreSteps];
                foreach (var step in steps) await step(ct);
                _available = true;
                if (_downSince is { } since)
                    _log.LogInformation("Redis is reachable again after {DownSeconds:0} s; pages are cached again", (now - since).TotalSeconds);
                _downSince = null;
            }
            else if (!connected)
            {
                if (_available || _downSince is null)
                {
                    _available = false;
                    _downSince ??= now;
                    Action[] steps;
                    lock (_lostSteps) steps = [.. _lostSteps];
                    foreach (var step in steps) step();
                }
                if (now - _downLoggedAt >= DownLogInterval)
                {
                    _downLoggedAt = now;
                    _log.LogWarning("Redis cannot be reached (since {DownSince:u}): serving pages uncached, rate limits per node", _downSince);
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _available = false; // a restore step failed: try again at the next check
            _log.LogDebug(ex, "Redis came back but could not be brought up to date yet");
        }
        finally
        {
            _checking.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        Connection.Dispose();
        _checking.Dispose();
    }
}
