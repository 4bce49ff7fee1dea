using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madar21.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The search index (see PostgresArticleSearch): the terms of each article that is not a draft, as tsvector
    /// literals made in C#, with a GIN index on the title (the bounded ranking and related lists read titles alone)
    /// and one on title and body together (every search). Not part of the EF model: only PostgresArticleSearch reads
    /// or writes it, as SqliteArticleSearch does its FTS5 tables.
    /// </summary>
    public partial class ArticleSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE TABLE "ArticleSearch" (
                    "ArticleId" integer PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "Title" tsvector NOT NULL,
                    "Body" tsvector NOT NULL
                );
                CREATE INDEX "IX_ArticleSearch_Title" ON "ArticleSearch" USING GIN ("Title");
                CREATE INDEX "IX_ArticleSearch_Document" ON "ArticleSearch" USING GIN (("Title" || "Body"));
                CREATE TABLE "ArticleSearchState" ("Version" integer NOT NULL);
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "ArticleSearchState"; DROP TABLE "ArticleSearch";""");
        }
    }
}
