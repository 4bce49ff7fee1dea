using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madar21.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewsroomReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Articles",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "Articles",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CreatedById_CreatedAt_Id",
                table: "Articles",
                columns: new[] { "CreatedById", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_SubmittedAt_Id",
                table: "Articles",
                columns: new[] { "Status", "SubmittedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_CreatedById_CreatedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_SubmittedAt_Id",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "Articles");
        }
    }
}
