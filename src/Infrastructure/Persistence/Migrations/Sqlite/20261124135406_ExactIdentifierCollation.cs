using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat9.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExactIdentifierCollation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
