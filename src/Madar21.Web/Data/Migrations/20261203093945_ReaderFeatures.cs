using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madar21.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReaderFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReadingMinutes",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing articles: words counted as spaces + 1, in SQL that SQLite and PostgreSQL both run (the exact
            // count, ReadingTime.Minutes, is applied on each later save). 140 words a minute, at least one minute.
            migrationBuilder.Sql(
                """
                UPDATE "Articles" SET "ReadingMinutes" =
                    (length("BodyText") - length(replace("BodyText", ' ', '')) + 1 + 139) / 140
                """);
            migrationBuilder.Sql("""UPDATE "Articles" SET "ReadingMinutes" = 1 WHERE "ReadingMinutes" < 1""");

            migrationBuilder.CreateTable(
                name: "ArticleViews",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Views = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleViews", x => new { x.ArticleId, x.Hour });
                    table.ForeignKey(
                        name: "FK_ArticleViews_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReaderSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    HijriOffsetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    BreakingText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BreakingUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    BreakingExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReaderSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleViews_Hour",
                table: "ArticleViews",
                column: "Hour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleViews");

            migrationBuilder.DropTable(
                name: "ReaderSettings");

            migrationBuilder.DropColumn(
                name: "ReadingMinutes",
                table: "Articles");
        }
    }
}
