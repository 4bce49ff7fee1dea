using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madar21.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DatesAndReadingTime : Migration
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
                name: "SiteSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    HijriOffsetDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteSettings", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "ReadingMinutes",
                table: "Articles");
        }
    }
}
