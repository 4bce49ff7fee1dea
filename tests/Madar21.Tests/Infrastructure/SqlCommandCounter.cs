using System.Collections.Concurrent;
using System.Data.Common;
using Madar21.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Infrastructure;

/// <summary>Counts the SQL commands each request sends, keyed by the request's path and query.</summary>
public sealed class SqlCommandCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SentCommand>> _byRequest = new();

    public void Clear() => _byRequest.Clear();

    /// <summary>The commands sent while answering <paramref name="pathAndQuery"/> (as the server saw it, unescaped).</summary>
    public IReadOnlyCollection<string> For(string pathAndQuery) => SentFor(pathAndQuery).Select(c => c.Sql).ToArray();

    /// <summary>The same, with the values of their parameters (to ask SQLite for their query plans).</summary>
    public IReadOnlyCollection<SentCommand> SentFor(string pathAndQuery) =>
        _byRequest.TryGetValue(pathAndQuery, out var commands) ? commands.ToArray() : [];

    private void Record(DbCommand command)
    {
        if (http.HttpContext?.Request is not { } request) return;
        var key = request.Path.Value + request.QueryString.Value;
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToArray();
        _byRequest.GetOrAdd(key, _ => new ConcurrentQueue<SentCommand>()).Enqueue(new SentCommand(command.CommandText, parameters));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}

public sealed record SentCommand(string Sql, (string Name, object? Value)[] Parameters);

/// <summary>The app with the page cache off (every request reaches the database) and its SQL commands counted.</summary>
public sealed class CountingFactory : MadarFactory
{
    public CountingFactory() => With("Performance:OutputCache", "false");

    public SqlCommandCounter Commands => Services.GetRequiredService<SqlCommandCounter>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<SqlCommandCounter>();
            services.ConfigureDbContext<MadarDb>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SqlCommandCounter>()));
        });
    }
}
