using Madar21.Tests.Articles;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Admin;
using Madar21.Tests.Pages.Admin.Articles;
using Madar21.Tests.Pages.Articles;
using Madar21.Tests.Pages.Search;
using Madar21.Tests.Search;
using Madar21.Tests.Seeding;

namespace Madar21.Tests;

// The test classes that run on both engines: each one here inherits every test of its SQLite class and runs it on a
// PostgreSQL database of its own (Database:Provider=Postgres), read back through the same app. Without a PostgreSQL
// server they are skipped with a hint (PostgresServer); under CI=true they fail.

public sealed class SearchPageTestsOnPostgres(PostgresFactory factory)
    : SearchPageTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class BoundedRankingTestsOnPostgres(PostgresFactory factory)
    : BoundedRankingTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class SearchIndexTestsOnPostgres(PostgresFactory factory)
    : SearchIndexTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class RelatedListsTestsOnPostgres(PostgresFactory factory)
    : RelatedListsTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class EditTestsOnPostgres(PostgresFactory factory)
    : EditTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class CommentsTestsOnPostgres(PostgresFactory factory)
    : Pages.Admin.Comments.IndexTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class CommentFormTestsOnPostgres(PostgresCommentsFactory factory)
    : CommentFormTests(PostgresServer.Required(factory)), IClassFixture<PostgresCommentsFactory>;

public sealed class CommentConcurrencyTestsOnPostgres : CommentConcurrencyTests
{
    protected override CommentsFactory NewFactory() => PostgresServer.Required(new PostgresCommentsFactory());
}

public sealed class SeedImportLeaseTestsOnPostgres : SeedImportLeaseTests
{
    protected override MadarFactory NewNode() => PostgresServer.Required(new PostgresFactory());
}

public sealed class PostgresCommentsFactory : CommentsFactory
{
    public PostgresCommentsFactory() => OnPostgres();
}

public sealed class TagPageTestsOnPostgres(PostgresFactory factory)
    : Pages.Tags.ShowTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class TagsFieldTestsOnPostgres(PostgresFactory factory)
    : TagsFieldTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class AdminTagsTestsOnPostgres(PostgresFactory factory)
    : Pages.Admin.Tags.IndexTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class AdminTagEditTestsOnPostgres(PostgresFactory factory)
    : Pages.Admin.Tags.EditTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class RelatedTagsTestsOnPostgres(PostgresFactory factory)
    : RelatedTagsTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class HistoryTestsOnPostgres(PostgresFactory factory)
    : HistoryTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class ExpiredSignInTestsOnPostgres(PostgresFactory factory)
    : ExpiredSignInTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class RevisionPruningTestsOnPostgres(PostgresFactory factory)
    : Madar21.Tests.Revisions.RevisionPruningTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;
public sealed class FrontPageTestsOnPostgres(PostgresFactory factory)
    : Pages.IndexTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class LatestTestsOnPostgres(PostgresFactory factory)
    : Pages.Latest.IndexTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class PublicationTestsOnPostgres(PostgresFactory factory)
    : PublicationTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class SitePageTestsOnPostgres(PostgresFactory factory)
    : Pages.SitePages.ShowTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class SitePageEditTestsOnPostgres(PostgresFactory factory)
    : Pages.Admin.SitePages.EditTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class AdminArticleListTestsOnPostgres(PostgresFactory factory)
    : Pages.Admin.Articles.IndexTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class AdminBulkTestsOnPostgres(PostgresFactory factory)
    : Pages.Admin.Articles.BulkTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class AdminDashboardTestsOnPostgres(PostgresFactory factory)
    : Pages.Admin.IndexTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class EditStateTestsOnPostgres(PostgresFactory factory)
    : Pages.Admin.Articles.EditStateTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class AuthorPageTestsOnPostgres(PostgresFactory factory)
    : Madar21.Tests.Pages.Authors.ShowTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class AuthorsFieldTestsOnPostgres(PostgresFactory factory)
    : AuthorsFieldTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;

public sealed class ProfileTestsOnPostgres(PostgresFactory factory)
    : Madar21.Tests.Pages.Admin.Account.ProfileTests(PostgresServer.Required(factory)), IClassFixture<PostgresFactory>;
