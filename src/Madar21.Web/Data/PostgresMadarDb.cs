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
    public PostgresMadarDb(DbContextOptions<PostgresMadarDb> options) : base(options) { }

    protected override IArticleSearch OwnSearch() => new PostgresArticleSearch(NullLogger<PostgresArticleSearch>.Instance);
}
