using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Server.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportCases_FormulaVersion",
                table: "ReportCases");

            migrationBuilder.DropIndex(
                name: "IX_ReportCases_ProcessKey_Arm",
                table: "ReportCases");

            migrationBuilder.AddColumn<bool>(
                name: "Imported",
                table: "WorkflowInstances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<double>(
                name: "TranscribedItems",
                table: "ReportCases",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<double>(
                name: "TouchMinutes",
                table: "ReportCases",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<int>(
                name: "Steps",
                table: "ReportCases",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<double>(
                name: "ResidentVisits",
                table: "ReportCases",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<double>(
                name: "ResidentMinutes",
                table: "ReportCases",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<double>(
                name: "ResidentDocuments",
                table: "ReportCases",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<double>(
                name: "LeadTimeHours",
                table: "ReportCases",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<double>(
                name: "LeadTimeBusinessHours",
                table: "ReportCases",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<double>(
                name: "Forms",
                table: "ReportCases",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<double>(
                name: "CostYen",
                table: "ReportCases",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AddColumn<int>(
                name: "AutomatedSteps",
                table: "ReportCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DefinitionId",
                table: "ReportCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "DefinitionVersion",
                table: "ReportCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "DocumentsMeasured",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "DocumentsPublished",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "FormsMeasured",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "FormsPublished",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<bool>(
                name: "Imported",
                table: "ReportCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "OtherCostMeasured",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "OtherCostPublished",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "OtherCostYen",
                table: "ReportCases",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "OtherMunicipalityYen",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "OtherNationalYen",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "OtherPrefectureYen",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "OtherResidentYen",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "PersonnelCostPublishedYen",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "PersonnelCostYen",
                table: "ReportCases",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PersonnelMunicipalityYen",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "PersonnelNationalYen",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "PersonnelPrefectureYen",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "ResidentMinutesMeasured",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "ResidentMinutesPublished",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "ResidentProcedures",
                table: "ReportCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rework",
                table: "ReportCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Satisfaction",
                table: "ReportCases",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Surveyed",
                table: "ReportCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "TimeStudySteps",
                table: "ReportCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "TouchMunicipalityMinutes",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "TouchNationalMinutes",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "TouchPrefectureMinutes",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "TranscribedMeasured",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "TranscribedPublished",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "UnsourcedFigures",
                table: "ReportCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "VisitsMeasured",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "VisitsPublished",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "MeasurementImports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    PilotId = table.Column<string>(type: "TEXT", nullable: false),
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurementImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireAnswers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ImportId = table.Column<string>(type: "TEXT", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RowKey = table.Column<string>(type: "TEXT", nullable: false),
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: true),
                    Arm = table.Column<string>(type: "TEXT", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", nullable: false),
                    Trips = table.Column<double>(type: "REAL", nullable: true),
                    Documents = table.Column<double>(type: "REAL", nullable: true),
                    Hours = table.Column<double>(type: "REAL", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    FreeText = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireAnswers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimeStudyRecords",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ImportId = table.Column<string>(type: "TEXT", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RowKey = table.Column<string>(type: "TEXT", nullable: false),
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Arm = table.Column<string>(type: "TEXT", nullable: false),
                    StepCode = table.Column<string>(type: "TEXT", nullable: false),
                    OrgCode = table.Column<string>(type: "TEXT", nullable: false),
                    OrgLevel = table.Column<string>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", nullable: true),
                    Clerk = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Minutes = table.Column<double>(type: "REAL", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    MeasurementJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeStudyRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_FormulaVersion_CalendarKey",
                table: "ReportCases",
                columns: new[] { "FormulaVersion", "CalendarKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_ProcessKey_Arm_DefinitionId_DefinitionVersion_Simulated",
                table: "ReportCases",
                columns: new[] { "ProcessKey", "Arm", "DefinitionId", "DefinitionVersion", "Simulated" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementImports_CycleId_Kind_FileHash",
                table: "MeasurementImports",
                columns: new[] { "CycleId", "Kind", "FileHash" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementImports_PilotId",
                table: "MeasurementImports",
                column: "PilotId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAnswers_CycleId_RowKey",
                table: "QuestionnaireAnswers",
                columns: new[] { "CycleId", "RowKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAnswers_ImportId",
                table: "QuestionnaireAnswers",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAnswers_InstanceId",
                table: "QuestionnaireAnswers",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeStudyRecords_CycleId_RowKey",
                table: "TimeStudyRecords",
                columns: new[] { "CycleId", "RowKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeStudyRecords_ImportId",
                table: "TimeStudyRecords",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeStudyRecords_InstanceId",
                table: "TimeStudyRecords",
                column: "InstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeasurementImports");

            migrationBuilder.DropTable(
                name: "QuestionnaireAnswers");

            migrationBuilder.DropTable(
                name: "TimeStudyRecords");

            migrationBuilder.DropIndex(
                name: "IX_ReportCases_FormulaVersion_CalendarKey",
                table: "ReportCases");

            migrationBuilder.DropIndex(
                name: "IX_ReportCases_ProcessKey_Arm_DefinitionId_DefinitionVersion_Simulated",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "Imported",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "AutomatedSteps",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "DefinitionId",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "DefinitionVersion",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "DocumentsMeasured",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "DocumentsPublished",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "FormsMeasured",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "FormsPublished",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "Imported",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "OtherCostMeasured",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "OtherCostPublished",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "OtherCostYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "OtherMunicipalityYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "OtherNationalYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "OtherPrefectureYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "OtherResidentYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "PersonnelCostPublishedYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "PersonnelCostYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "PersonnelMunicipalityYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "PersonnelNationalYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "PersonnelPrefectureYen",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "ResidentMinutesMeasured",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "ResidentMinutesPublished",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "ResidentProcedures",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "Rework",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "Satisfaction",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "Surveyed",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "TimeStudySteps",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "TouchMunicipalityMinutes",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "TouchNationalMinutes",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "TouchPrefectureMinutes",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "TranscribedMeasured",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "TranscribedPublished",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "UnsourcedFigures",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "VisitsMeasured",
                table: "ReportCases");

            migrationBuilder.DropColumn(
                name: "VisitsPublished",
                table: "ReportCases");

            migrationBuilder.AlterColumn<double>(
                name: "TranscribedItems",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "TouchMinutes",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "Steps",
                table: "ReportCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "ResidentVisits",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "ResidentMinutes",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "ResidentDocuments",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "LeadTimeHours",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "LeadTimeBusinessHours",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "Forms",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "CostYen",
                table: "ReportCases",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_FormulaVersion",
                table: "ReportCases",
                column: "FormulaVersion");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_ProcessKey_Arm",
                table: "ReportCases",
                columns: new[] { "ProcessKey", "Arm" });
        }
    }
}
