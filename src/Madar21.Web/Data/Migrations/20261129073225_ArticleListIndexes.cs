using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madar21.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SectionId_Status_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt_Id_Status",
                table: "Articles",
                columns: new[] { "PublishedAt", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SectionId_PublishedAt_Id_Status",
                table: "Articles",
                columns: new[] { "SectionId", "PublishedAt", "Id", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedAt_Id_Status",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_SectionId_PublishedAt_Id_Status",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SectionId_Status_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "SectionId", "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt", "Id" });
        }
    }
}
