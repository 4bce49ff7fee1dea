using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madar21.Web.Data.Migrations
{
    /// <summary>
    /// The full-text index of articles (SQLite FTS5), outside the EF model: rowid is the article id; the columns are
    /// the normalised words, their forms without prefixes and their consonant skeletons, for the title and for the
    /// summary and body (see Search/SearchDocument). Contentless, since the text is in Articles already. Filled
    /// by MadarDb on every save; ArticleSearchState holds the version of the normaliser that built it, and an
    /// empty state makes the next start-up rebuild it from the articles (which is how an existing database gets it).
    /// </summary>
    public partial class AddArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(
                    title, body, title_stems, body_stems, title_skeletons, body_skeletons,
                    content = '', contentless_delete = 1,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                """);
            migrationBuilder.Sql("CREATE TABLE ArticleSearchState (Version INTEGER NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleSearchState;");
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
        }
    }
}
