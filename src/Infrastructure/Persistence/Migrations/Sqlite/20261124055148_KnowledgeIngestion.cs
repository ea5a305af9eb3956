using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat9.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KnowledgeIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HealthWarnings",
                table: "Documents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Documents",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "DocumentChunks",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "KnowledgeVersion",
                table: "Bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentChunks_BotId_ContentHash",
                table: "DocumentChunks",
                columns: new[] { "BotId", "ContentHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DocumentChunks_BotId_ContentHash",
                table: "DocumentChunks");

            migrationBuilder.DropColumn(
                name: "HealthWarnings",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "DocumentChunks");

            migrationBuilder.DropColumn(
                name: "KnowledgeVersion",
                table: "Bots");
        }
    }
}
