using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Server.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CycleStartLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StartLeaseOwner",
                table: "PilotCycles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StartLeaseUntil",
                table: "PilotCycles",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StartLeaseOwner",
                table: "PilotCycles");

            migrationBuilder.DropColumn(
                name: "StartLeaseUntil",
                table: "PilotCycles");
        }
    }
}
