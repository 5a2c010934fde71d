using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Server.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateTableVersions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentJson = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateTableVersions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "ReportCases",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    FormulaVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessKey = table.Column<string>(type: "TEXT", nullable: false),
                    Arm = table.Column<string>(type: "TEXT", nullable: false),
                    PilotId = table.Column<string>(type: "TEXT", nullable: true),
                    CycleId = table.Column<string>(type: "TEXT", nullable: true),
                    CaseId = table.Column<string>(type: "TEXT", nullable: true),
                    MunicipalityCode = table.Column<string>(type: "TEXT", nullable: true),
                    Simulated = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeadTimeHours = table.Column<double>(type: "REAL", nullable: false),
                    LeadTimeBusinessHours = table.Column<double>(type: "REAL", nullable: false),
                    CalendarKey = table.Column<string>(type: "TEXT", nullable: false),
                    TouchMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ActiveMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ClerkSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    EditedSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    QueueMinutes = table.Column<double>(type: "REAL", nullable: false),
                    WorkMinutes = table.Column<double>(type: "REAL", nullable: false),
                    Forms = table.Column<double>(type: "REAL", nullable: false),
                    TranscribedItems = table.Column<double>(type: "REAL", nullable: false),
                    Steps = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentVisits = table.Column<double>(type: "REAL", nullable: false),
                    ResidentDocuments = table.Column<double>(type: "REAL", nullable: false),
                    ResidentMinutes = table.Column<double>(type: "REAL", nullable: false),
                    Handoffs = table.Column<int>(type: "INTEGER", nullable: false),
                    HandoffHours = table.Column<double>(type: "REAL", nullable: false),
                    MissingTimes = table.Column<int>(type: "INTEGER", nullable: false),
                    CostYen = table.Column<double>(type: "REAL", nullable: false),
                    UnratedMinutes = table.Column<double>(type: "REAL", nullable: false),
                    RateVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCases", x => x.InstanceId);
                });

            migrationBuilder.CreateTable(
                name: "ReportCaseTouch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    OrgLevel = table.Column<string>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", nullable: true),
                    Minutes = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCaseTouch", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Status_Arm_ProcessKey_Id",
                table: "WorkflowInstances",
                columns: new[] { "Status", "Arm", "ProcessKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_FormulaVersion",
                table: "ReportCases",
                column: "FormulaVersion");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_PilotId_CycleId",
                table: "ReportCases",
                columns: new[] { "PilotId", "CycleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_ProcessKey_Arm",
                table: "ReportCases",
                columns: new[] { "ProcessKey", "Arm" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_RateVersion",
                table: "ReportCases",
                column: "RateVersion");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCaseTouch_InstanceId",
                table: "ReportCaseTouch",
                column: "InstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateTableVersions");

            migrationBuilder.DropTable(
                name: "ReportCases");

            migrationBuilder.DropTable(
                name: "ReportCaseTouch");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Status_Arm_ProcessKey_Id",
                table: "WorkflowInstances");
        }
    }
}
