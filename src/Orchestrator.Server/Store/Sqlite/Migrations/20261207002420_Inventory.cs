using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Server.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Inventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InventoryFocusChoices",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SchemeName = table.Column<string>(type: "TEXT", nullable: false),
                    EntriesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Reasoning = table.Column<string>(type: "TEXT", nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChosenBy = table.Column<string>(type: "TEXT", nullable: true),
                    Weights_Cost = table.Column<double>(type: "REAL", nullable: false),
                    Weights_Effect = table.Column<double>(type: "REAL", nullable: false),
                    Weights_Feasibility = table.Column<double>(type: "REAL", nullable: false),
                    Weights_Needs = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryFocusChoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InventoryPrioritySchemes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    MinutesPerTrip_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MinutesPerTrip_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    MinutesPerTrip_Value = table.Column<double>(type: "REAL", nullable: true),
                    Weights_Cost = table.Column<double>(type: "REAL", nullable: false),
                    Weights_Effect = table.Column<double>(type: "REAL", nullable: false),
                    Weights_Feasibility = table.Column<double>(type: "REAL", nullable: false),
                    Weights_Needs = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryPrioritySchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InventoryProcedures",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", nullable: true),
                    Organisations = table.Column<string>(type: "TEXT", nullable: true),
                    NeedsText = table.Column<string>(type: "TEXT", nullable: true),
                    ConstraintLegal = table.Column<string>(type: "TEXT", nullable: true),
                    ConstraintOperational = table.Column<string>(type: "TEXT", nullable: true),
                    ConstraintTechnical = table.Column<string>(type: "TEXT", nullable: true),
                    Excluded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExcludedReason = table.Column<string>(type: "TEXT", nullable: true),
                    ProcessKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AsIsDefinitionId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ClerkMinutes_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClerkMinutes_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ClerkMinutes_Value = table.Column<double>(type: "REAL", nullable: true),
                    CostScore_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CostScore_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CostScore_Value = table.Column<double>(type: "REAL", nullable: true),
                    FeasibilityScore_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FeasibilityScore_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FeasibilityScore_Value = table.Column<double>(type: "REAL", nullable: true),
                    NeedsScore_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NeedsScore_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    NeedsScore_Value = table.Column<double>(type: "REAL", nullable: true),
                    ReductionRate_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReductionRate_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ReductionRate_Value = table.Column<double>(type: "REAL", nullable: true),
                    RekeyedFields_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RekeyedFields_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RekeyedFields_Value = table.Column<double>(type: "REAL", nullable: true),
                    ResidentDocuments_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResidentDocuments_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ResidentDocuments_Value = table.Column<double>(type: "REAL", nullable: true),
                    ResidentTrips_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResidentTrips_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ResidentTrips_Value = table.Column<double>(type: "REAL", nullable: true),
                    VolumeNational_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VolumeNational_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    VolumeNational_Value = table.Column<double>(type: "REAL", nullable: true),
                    VolumePerMunicipality_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VolumePerMunicipality_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    VolumePerMunicipality_Value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryProcedures", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "InventoryDataFlows",
                columns: table => new
                {
                    ProcedureCode = table.Column<string>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FromLevel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FromOrganisation = table.Column<string>(type: "TEXT", nullable: true),
                    ToLevel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ToOrganisation = table.Column<string>(type: "TEXT", nullable: true),
                    Means = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Frequency = table.Column<string>(type: "TEXT", nullable: true),
                    ClerkMinutes_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClerkMinutes_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ClerkMinutes_Value = table.Column<double>(type: "REAL", nullable: true),
                    Documents_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Documents_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Documents_Value = table.Column<double>(type: "REAL", nullable: true),
                    RekeyedFields_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RekeyedFields_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RekeyedFields_Value = table.Column<double>(type: "REAL", nullable: true),
                    TransitDays_Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TransitDays_Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    TransitDays_Value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryDataFlows", x => new { x.ProcedureCode, x.Number });
                    table.ForeignKey(
                        name: "FK_InventoryDataFlows_InventoryProcedures_ProcedureCode",
                        column: x => x.ProcedureCode,
                        principalTable: "InventoryProcedures",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InventoryDataItems",
                columns: table => new
                {
                    ProcedureCode = table.Column<string>(type: "TEXT", nullable: false),
                    FlowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CodeSet = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Personal = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryDataItems", x => new { x.ProcedureCode, x.FlowNumber, x.Number });
                    table.ForeignKey(
                        name: "FK_InventoryDataItems_InventoryDataFlows_ProcedureCode_FlowNumber",
                        columns: x => new { x.ProcedureCode, x.FlowNumber },
                        principalTable: "InventoryDataFlows",
                        principalColumns: new[] { "ProcedureCode", "Number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InventoryFocusChoices_ChosenAt",
                table: "InventoryFocusChoices",
                column: "ChosenAt");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryProcedures_ProcessKey",
                table: "InventoryProcedures",
                column: "ProcessKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InventoryDataItems");

            migrationBuilder.DropTable(
                name: "InventoryFocusChoices");

            migrationBuilder.DropTable(
                name: "InventoryPrioritySchemes");

            migrationBuilder.DropTable(
                name: "InventoryDataFlows");

            migrationBuilder.DropTable(
                name: "InventoryProcedures");
        }
    }
}
