using Madar21.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Madar21.Web.Data;

/// <summary>
/// <see cref="MadarDb"/> on PostgreSQL: the same model, its own migrations (<c>Data/Migrations/Postgres</c>), as EF
/// Core's "migrations with multiple providers" does it with a context type per provider. Code asks for
/// <see cref="MadarDb"/> and gets this one when <c>Database:Provider</c> is <c>Postgres</c>.
/// </summary>
public sealed class PostgresMadarDb : MadarDb
{
    public PostgresMadarDb(DbContextOptions<PostgresMadarDb> options, IArticleSearch search) : base(options, search) { }

    /// <summary>For code that builds a context by hand (tools, tests below HTTP): the PostgreSQL search index.</summary>
    public PostgresMadarDb(DbContextOptions<PostgresMadarDb> options)
        : this(options, new PostgresArticleSearch(NullLogger<PostgresArticleSearch>.Instance)) { }
}
