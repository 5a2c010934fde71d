using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Server.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DefinitionFlagsUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Concurrent saves and publishes could leave several latest or published versions of one definition; keep the
            // highest version as the latest and the last one published as the published one, so the indexes can hold.
            migrationBuilder.Sql("""
                UPDATE "WorkflowDefinitions" SET "IsLatest" = 0
                WHERE "IsLatest" AND EXISTS (SELECT 1 FROM "WorkflowDefinitions" AS w
                    WHERE w."DefinitionId" = "WorkflowDefinitions"."DefinitionId" AND w."IsLatest" AND w."Version" > "WorkflowDefinitions"."Version");
                UPDATE "WorkflowDefinitions" SET "IsPublished" = 0
                WHERE "IsPublished" AND EXISTS (SELECT 1 FROM "WorkflowDefinitions" AS w
                    WHERE w."DefinitionId" = "WorkflowDefinitions"."DefinitionId" AND w."IsPublished"
                      AND (w."PublishedAt" > "WorkflowDefinitions"."PublishedAt"
                           OR (w."PublishedAt" = "WorkflowDefinitions"."PublishedAt" AND w."Version" > "WorkflowDefinitions"."Version")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_OneLatest",
                table: "WorkflowDefinitions",
                column: "DefinitionId",
                unique: true,
                filter: "\"IsLatest\"");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_OnePublished",
                table: "WorkflowDefinitions",
                column: "DefinitionId",
                unique: true,
                filter: "\"IsPublished\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitions_OneLatest",
                table: "WorkflowDefinitions");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitions_OnePublished",
                table: "WorkflowDefinitions");
        }
    }
}
