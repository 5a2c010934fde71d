using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Server.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RunRecordedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "WorkflowInstances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Runs recorded before this column: live and test runs were started at their creation time; older simulated
            // runs keep their virtual time (nothing real is known about them).
            migrationBuilder.Sql("UPDATE \"WorkflowInstances\" SET \"RecordedAt\" = \"CreatedAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_RecordedAt",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_RecordedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "WorkflowInstances");
        }
    }
}
