using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madar21.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdminArticleList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleFolded",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SectionId_Id",
                table: "Articles",
                columns: new[] { "SectionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_Id",
                table: "Articles",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TitleFolded_Id",
                table: "Articles",
                columns: new[] { "TitleFolded", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SectionId_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_TitleFolded_Id",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TitleFolded",
                table: "Articles");
        }
    }
}
