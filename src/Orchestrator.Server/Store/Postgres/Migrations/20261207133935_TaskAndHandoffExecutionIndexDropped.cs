using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Server.Store.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TaskAndHandoffExecutionIndexDropped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HumanTasks_ActivityExecutionId",
                table: "HumanTasks");

            migrationBuilder.DropIndex(
                name: "IX_Handoffs_ActivityExecutionId",
                table: "Handoffs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_ActivityExecutionId",
                table: "HumanTasks",
                column: "ActivityExecutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_ActivityExecutionId",
                table: "Handoffs",
                column: "ActivityExecutionId");
        }
    }
}
