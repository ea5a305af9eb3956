using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat9.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class UrlSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PageHash",
                table: "Documents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UrlSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Url = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: false),
                    Host = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Schedule = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    MaxPages = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PageCount = table.Column<int>(type: "int", nullable: false),
                    LastRunAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    NextRunAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    LastManualRefreshAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PendingRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PendingTrigger = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    LeaseOwner = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClaimCount = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExcludedPages = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Exclusions = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UrlSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UrlSources_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrawlRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SourceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Trigger = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PagesFound = table.Column<int>(type: "int", nullable: false),
                    PagesIndexed = table.Column<int>(type: "int", nullable: false),
                    PagesUnchanged = table.Column<int>(type: "int", nullable: false),
                    PagesRemoved = table.Column<int>(type: "int", nullable: false),
                    PagesFailed = table.Column<int>(type: "int", nullable: false),
                    LimitReached = table.Column<bool>(type: "bit", nullable: false),
                    FailedUrls = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrawlRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrawlRuns_UrlSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "UrlSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_BotId_SourceId",
                table: "Documents",
                columns: new[] { "BotId", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_CrawlRuns_SourceId_StartedAt",
                table: "CrawlRuns",
                columns: new[] { "SourceId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UrlSources_BotId_Host",
                table: "UrlSources",
                columns: new[] { "BotId", "Host" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UrlSources_Status_NextRunAt",
                table: "UrlSources",
                columns: new[] { "Status", "NextRunAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrawlRuns");

            migrationBuilder.DropTable(
                name: "UrlSources");

            migrationBuilder.DropIndex(
                name: "IX_Documents_BotId_SourceId",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "PageHash",
                table: "Documents");
        }
    }
}
