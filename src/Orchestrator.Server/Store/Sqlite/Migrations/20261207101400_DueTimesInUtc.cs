using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Server.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DueTimesInUtc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Due times were stored with the offset the workflow gave: (local ticks / 1000) << 11 | offset minutes in
            // 11 bits, which orders clock readings, not instants. Each becomes the same instant at offset 0, the form
            // the entity now writes, so the inbox can sort and filter by it in SQL. A minute is 600,000 of those units.
            migrationBuilder.Sql("""
                UPDATE "HumanTasks"
                SET "DueAt" = (("DueAt" >> 11) - (("DueAt" & 2047) - (CASE WHEN ("DueAt" & 1024) <> 0 THEN 2048 ELSE 0 END)) * 600000) << 11
                WHERE "DueAt" IS NOT NULL AND ("DueAt" & 2047) <> 0
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the earlier version reads a time at offset 0 as well as any other.
        }
    }
}
