using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madar21.Web.Data.Migrations
{
    /// <summary>
    /// The titles in a full-text table of their own (SQLite FTS5, outside the EF model), for the candidates of the
    /// related lists (Search/SqliteArticleSearch). Emptying ArticleSearchState makes the next start-up rebuild both
    /// tables from the articles, which is how an existing database fills it.
    /// </summary>
    public partial class AddArticleTitleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE ArticleTitleSearch USING fts5(
                    title, title_stems,
                    content = '', contentless_delete = 1,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                """);
            migrationBuilder.Sql("DELETE FROM ArticleSearchState;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleTitleSearch;");
        }
    }
}
