using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Orchestrator.Server.Store.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActivityExecutions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    ActivityType = table.Column<string>(type: "text", nullable: false),
                    ActivityName = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StepCode = table.Column<string>(type: "text", nullable: true),
                    MeasurementJson = table.Column<string>(type: "text", nullable: true),
                    Message = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityExecutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    OrganisationCode = table.Column<string>(type: "text", nullable: true),
                    Departments = table.Column<string>(type: "text", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bookmarks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    ActivityType = table.Column<string>(type: "text", nullable: false),
                    ActivityExecutionId = table.Column<string>(type: "text", nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    CorrelationId = table.Column<string>(type: "text", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PayloadJson = table.Column<string>(type: "text", nullable: true),
                    JobId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookmarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Handoffs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    ActivityExecutionId = table.Column<string>(type: "text", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    ActivityType = table.Column<string>(type: "text", nullable: false),
                    BookmarkId = table.Column<string>(type: "text", nullable: true),
                    Agency = table.Column<string>(type: "text", nullable: true),
                    Operation = table.Column<string>(type: "text", nullable: true),
                    SenderOrgLevel = table.Column<string>(type: "text", nullable: true),
                    SenderOrgCode = table.Column<string>(type: "text", nullable: true),
                    ReceiverOrgLevel = table.Column<string>(type: "text", nullable: true),
                    ReceiverOrgCode = table.Column<string>(type: "text", nullable: true),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    StatusCode = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handoffs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HumanTasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    BookmarkId = table.Column<string>(type: "text", nullable: false),
                    ActivityExecutionId = table.Column<string>(type: "text", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    ActivityType = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Instructions = table.Column<string>(type: "text", nullable: true),
                    ProcessKey = table.Column<string>(type: "text", nullable: true),
                    ProcessName = table.Column<string>(type: "text", nullable: true),
                    Arm = table.Column<string>(type: "text", nullable: true),
                    CaseId = table.Column<string>(type: "text", nullable: true),
                    AssigneeOrgLevel = table.Column<string>(type: "text", nullable: true),
                    AssigneeOrgCode = table.Column<string>(type: "text", nullable: true),
                    AssigneeRole = table.Column<string>(type: "text", nullable: true),
                    FormFieldsJson = table.Column<string>(type: "text", nullable: false),
                    OutcomesJson = table.Column<string>(type: "text", nullable: false),
                    CaseDataJson = table.Column<string>(type: "text", nullable: false),
                    MeasurementJson = table.Column<string>(type: "text", nullable: true),
                    StepCode = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClaimedById = table.Column<string>(type: "text", nullable: true),
                    ClaimedByName = table.Column<string>(type: "text", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedById = table.Column<string>(type: "text", nullable: true),
                    CompletedByName = table.Column<string>(type: "text", nullable: true),
                    ActiveSeconds = table.Column<double>(type: "double precision", nullable: false),
                    EffortMinutes = table.Column<double>(type: "double precision", nullable: true),
                    EffortEdited = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    DataJson = table.Column<string>(type: "text", nullable: true),
                    Simulated = table.Column<bool>(type: "boolean", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HumanTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    ActivityType = table.Column<string>(type: "text", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InventoryFocusChoices",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SchemeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SchemeName = table.Column<string>(type: "text", nullable: false),
                    EntriesJson = table.Column<string>(type: "text", nullable: false),
                    Reasoning = table.Column<string>(type: "text", nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChosenBy = table.Column<string>(type: "text", nullable: true),
                    Weights_Cost = table.Column<double>(type: "double precision", nullable: false),
                    Weights_Effect = table.Column<double>(type: "double precision", nullable: false),
                    Weights_Feasibility = table.Column<double>(type: "double precision", nullable: false),
                    Weights_Needs = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryFocusChoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InventoryPrioritySchemes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    MinutesPerTrip_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MinutesPerTrip_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    MinutesPerTrip_Value = table.Column<double>(type: "double precision", nullable: true),
                    Weights_Cost = table.Column<double>(type: "double precision", nullable: false),
                    Weights_Effect = table.Column<double>(type: "double precision", nullable: false),
                    Weights_Feasibility = table.Column<double>(type: "double precision", nullable: false),
                    Weights_Needs = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryPrioritySchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InventoryProcedures",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LegalBasis = table.Column<string>(type: "text", nullable: true),
                    Organisations = table.Column<string>(type: "text", nullable: true),
                    NeedsText = table.Column<string>(type: "text", nullable: true),
                    ConstraintLegal = table.Column<string>(type: "text", nullable: true),
                    ConstraintOperational = table.Column<string>(type: "text", nullable: true),
                    ConstraintTechnical = table.Column<string>(type: "text", nullable: true),
                    Excluded = table.Column<bool>(type: "boolean", nullable: false),
                    ExcludedReason = table.Column<string>(type: "text", nullable: true),
                    ProcessKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AsIsDefinitionId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    ClerkMinutes_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClerkMinutes_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ClerkMinutes_Value = table.Column<double>(type: "double precision", nullable: true),
                    CostScore_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CostScore_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CostScore_Value = table.Column<double>(type: "double precision", nullable: true),
                    FeasibilityScore_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FeasibilityScore_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FeasibilityScore_Value = table.Column<double>(type: "double precision", nullable: true),
                    NeedsScore_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NeedsScore_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    NeedsScore_Value = table.Column<double>(type: "double precision", nullable: true),
                    ReductionRate_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReductionRate_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ReductionRate_Value = table.Column<double>(type: "double precision", nullable: true),
                    RekeyedFields_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RekeyedFields_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RekeyedFields_Value = table.Column<double>(type: "double precision", nullable: true),
                    ResidentDocuments_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResidentDocuments_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ResidentDocuments_Value = table.Column<double>(type: "double precision", nullable: true),
                    ResidentTrips_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResidentTrips_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ResidentTrips_Value = table.Column<double>(type: "double precision", nullable: true),
                    VolumeNational_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VolumeNational_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    VolumeNational_Value = table.Column<double>(type: "double precision", nullable: true),
                    VolumePerMunicipality_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VolumePerMunicipality_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    VolumePerMunicipality_Value = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryProcedures", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "MeasurementImports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    PilotId = table.Column<string>(type: "text", nullable: false),
                    CycleId = table.Column<string>(type: "text", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    FileHash = table.Column<string>(type: "text", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    SkippedRows = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "text", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurementImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NameJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "PilotCases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    CycleId = table.Column<string>(type: "text", nullable: false),
                    PilotId = table.Column<string>(type: "text", nullable: false),
                    CaseKey = table.Column<string>(type: "text", nullable: false),
                    ProcessKey = table.Column<string>(type: "text", nullable: false),
                    Arm = table.Column<string>(type: "text", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "text", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    InputJson = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PilotCycles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    PilotId = table.Column<string>(type: "text", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Simulated = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CasesPlanned = table.Column<int>(type: "integer", nullable: false),
                    InstancesPlanned = table.Column<int>(type: "integer", nullable: false),
                    InstancesStarted = table.Column<int>(type: "integer", nullable: false),
                    ConfigurationJson = table.Column<string>(type: "text", nullable: false),
                    FrozenFiguresJson = table.Column<string>(type: "text", nullable: true),
                    StartJobId = table.Column<string>(type: "text", nullable: true),
                    StartLeaseOwner = table.Column<string>(type: "text", nullable: true),
                    StartLeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CloseJobId = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotCycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pilots",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    NameJa = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: true),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Cron = table.Column<string>(type: "text", nullable: true),
                    TimeZone = table.Column<string>(type: "text", nullable: false),
                    ConfigurationJson = table.Column<string>(type: "text", nullable: false),
                    CycleCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pilots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireAnswers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ImportId = table.Column<string>(type: "text", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    RowKey = table.Column<string>(type: "text", nullable: false),
                    CycleId = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    CaseId = table.Column<string>(type: "text", nullable: true),
                    Arm = table.Column<string>(type: "text", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "text", nullable: false),
                    Trips = table.Column<double>(type: "double precision", nullable: true),
                    Documents = table.Column<double>(type: "double precision", nullable: true),
                    Hours = table.Column<double>(type: "double precision", nullable: true),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    FreeText = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireAnswers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RateTableVersions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DocumentJson = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    ChangedBy = table.Column<string>(type: "text", nullable: true),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateTableVersions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "ReformIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ProcessKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StepCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Countermeasure = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ActingLevels = table.Column<int[]>(type: "integer[]", nullable: false),
                    Priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReformIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportCases",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    FormulaVersion = table.Column<int>(type: "integer", nullable: false),
                    ProcessKey = table.Column<string>(type: "text", nullable: false),
                    Arm = table.Column<string>(type: "text", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    PilotId = table.Column<string>(type: "text", nullable: true),
                    CycleId = table.Column<string>(type: "text", nullable: true),
                    CaseId = table.Column<string>(type: "text", nullable: true),
                    MunicipalityCode = table.Column<string>(type: "text", nullable: true),
                    Simulated = table.Column<bool>(type: "boolean", nullable: false),
                    Imported = table.Column<bool>(type: "boolean", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CaseDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LeadTimeHours = table.Column<double>(type: "double precision", nullable: true),
                    LeadTimeBusinessHours = table.Column<double>(type: "double precision", nullable: true),
                    CalendarKey = table.Column<string>(type: "text", nullable: false),
                    TouchMinutes = table.Column<double>(type: "double precision", nullable: true),
                    ActiveMinutes = table.Column<double>(type: "double precision", nullable: false),
                    ClerkSteps = table.Column<int>(type: "integer", nullable: false),
                    EditedSteps = table.Column<int>(type: "integer", nullable: false),
                    TimeStudySteps = table.Column<int>(type: "integer", nullable: false),
                    QueueMinutes = table.Column<double>(type: "double precision", nullable: false),
                    WorkMinutes = table.Column<double>(type: "double precision", nullable: false),
                    Forms = table.Column<double>(type: "double precision", nullable: true),
                    TranscribedItems = table.Column<double>(type: "double precision", nullable: true),
                    Steps = table.Column<int>(type: "integer", nullable: true),
                    AutomatedSteps = table.Column<int>(type: "integer", nullable: true),
                    ResidentProcedures = table.Column<int>(type: "integer", nullable: true),
                    Rework = table.Column<int>(type: "integer", nullable: true),
                    ResidentVisits = table.Column<double>(type: "double precision", nullable: true),
                    ResidentDocuments = table.Column<double>(type: "double precision", nullable: true),
                    ResidentMinutes = table.Column<double>(type: "double precision", nullable: true),
                    Satisfaction = table.Column<double>(type: "double precision", nullable: true),
                    Surveyed = table.Column<bool>(type: "boolean", nullable: false),
                    Handoffs = table.Column<int>(type: "integer", nullable: false),
                    HandoffHours = table.Column<double>(type: "double precision", nullable: false),
                    MissingTimes = table.Column<int>(type: "integer", nullable: false),
                    UnsourcedFigures = table.Column<int>(type: "integer", nullable: false),
                    CostYen = table.Column<double>(type: "double precision", nullable: true),
                    PersonnelCostYen = table.Column<double>(type: "double precision", nullable: true),
                    OtherCostYen = table.Column<double>(type: "double precision", nullable: true),
                    PersonnelCostPublishedYen = table.Column<double>(type: "double precision", nullable: false),
                    PersonnelMunicipalityYen = table.Column<double>(type: "double precision", nullable: false),
                    PersonnelPrefectureYen = table.Column<double>(type: "double precision", nullable: false),
                    PersonnelNationalYen = table.Column<double>(type: "double precision", nullable: false),
                    OtherMunicipalityYen = table.Column<double>(type: "double precision", nullable: false),
                    OtherPrefectureYen = table.Column<double>(type: "double precision", nullable: false),
                    OtherNationalYen = table.Column<double>(type: "double precision", nullable: false),
                    OtherResidentYen = table.Column<double>(type: "double precision", nullable: false),
                    TouchMunicipalityMinutes = table.Column<double>(type: "double precision", nullable: false),
                    TouchPrefectureMinutes = table.Column<double>(type: "double precision", nullable: false),
                    TouchNationalMinutes = table.Column<double>(type: "double precision", nullable: false),
                    FormsMeasured = table.Column<double>(type: "double precision", nullable: false),
                    FormsPublished = table.Column<double>(type: "double precision", nullable: false),
                    TranscribedMeasured = table.Column<double>(type: "double precision", nullable: false),
                    TranscribedPublished = table.Column<double>(type: "double precision", nullable: false),
                    VisitsMeasured = table.Column<double>(type: "double precision", nullable: false),
                    VisitsPublished = table.Column<double>(type: "double precision", nullable: false),
                    DocumentsMeasured = table.Column<double>(type: "double precision", nullable: false),
                    DocumentsPublished = table.Column<double>(type: "double precision", nullable: false),
                    ResidentMinutesMeasured = table.Column<double>(type: "double precision", nullable: false),
                    ResidentMinutesPublished = table.Column<double>(type: "double precision", nullable: false),
                    OtherCostMeasured = table.Column<double>(type: "double precision", nullable: false),
                    OtherCostPublished = table.Column<double>(type: "double precision", nullable: false),
                    UnratedMinutes = table.Column<double>(type: "double precision", nullable: false),
                    RateVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCases", x => x.InstanceId);
                });

            migrationBuilder.CreateTable(
                name: "ReportCaseTouch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    OrgLevel = table.Column<string>(type: "text", nullable: true),
                    Role = table.Column<string>(type: "text", nullable: true),
                    Minutes = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCaseTouch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SimulationScenarios",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ProcessKey = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    RequestJson = table.Column<string>(type: "text", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulationScenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimeStudyRecords",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ImportId = table.Column<string>(type: "text", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    RowKey = table.Column<string>(type: "text", nullable: false),
                    CycleId = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    Arm = table.Column<string>(type: "text", nullable: false),
                    StepCode = table.Column<string>(type: "text", nullable: false),
                    OrgCode = table.Column<string>(type: "text", nullable: false),
                    OrgLevel = table.Column<string>(type: "text", nullable: true),
                    Role = table.Column<string>(type: "text", nullable: true),
                    Clerk = table.Column<string>(type: "text", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Minutes = table.Column<double>(type: "double precision", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    MeasurementJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeStudyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowDefinitions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    ProcessKey = table.Column<string>(type: "text", nullable: true),
                    Arm = table.Column<string>(type: "text", nullable: true),
                    IsLatest = table.Column<bool>(type: "boolean", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowInstances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    DefinitionVersionId = table.Column<string>(type: "text", nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    ProcessKey = table.Column<string>(type: "text", nullable: true),
                    Arm = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CorrelationId = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: true),
                    StateJson = table.Column<string>(type: "text", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false),
                    PilotId = table.Column<string>(type: "text", nullable: true),
                    CycleId = table.Column<string>(type: "text", nullable: true),
                    CaseId = table.Column<string>(type: "text", nullable: true),
                    MunicipalityCode = table.Column<string>(type: "text", nullable: true),
                    Simulated = table.Column<bool>(type: "boolean", nullable: false),
                    Imported = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InventoryDataFlows",
                columns: table => new
                {
                    ProcedureCode = table.Column<string>(type: "character varying(32)", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FromLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FromOrganisation = table.Column<string>(type: "text", nullable: true),
                    ToLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ToOrganisation = table.Column<string>(type: "text", nullable: true),
                    Means = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Frequency = table.Column<string>(type: "text", nullable: true),
                    ClerkMinutes_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClerkMinutes_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ClerkMinutes_Value = table.Column<double>(type: "double precision", nullable: true),
                    Documents_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Documents_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Documents_Value = table.Column<double>(type: "double precision", nullable: true),
                    RekeyedFields_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RekeyedFields_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RekeyedFields_Value = table.Column<double>(type: "double precision", nullable: true),
                    TransitDays_Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TransitDays_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    TransitDays_Value = table.Column<double>(type: "double precision", nullable: true)
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
                name: "ReformIssueChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssueId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReformIssueChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReformIssueChanges_ReformIssues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "ReformIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InventoryDataItems",
                columns: table => new
                {
                    ProcedureCode = table.Column<string>(type: "character varying(32)", nullable: false),
                    FlowNumber = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CodeSet = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Personal = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryDataItems", x => new { x.ProcedureCode, x.FlowNumber, x.Number });
                    table.ForeignKey(
                        name: "FK_InventoryDataItems_InventoryDataFlows_ProcedureCode_FlowNum~",
                        columns: x => new { x.ProcedureCode, x.FlowNumber },
                        principalTable: "InventoryDataFlows",
                        principalColumns: new[] { "ProcedureCode", "Number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityExecutions_InstanceId_Sequence",
                table: "ActivityExecutions",
                columns: new[] { "InstanceId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityExecutions_StepCode",
                table: "ActivityExecutions",
                column: "StepCode");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_DueAt",
                table: "Bookmarks",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_InstanceId",
                table: "Bookmarks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Kind_Name_CorrelationId",
                table: "Bookmarks",
                columns: new[] { "Kind", "Name", "CorrelationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_ActivityExecutionId",
                table: "Handoffs",
                column: "ActivityExecutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_BookmarkId",
                table: "Handoffs",
                column: "BookmarkId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_InstanceId",
                table: "Handoffs",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_SenderOrgLevel_ReceiverOrgLevel",
                table: "Handoffs",
                columns: new[] { "SenderOrgLevel", "ReceiverOrgLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_ActivityExecutionId",
                table: "HumanTasks",
                column: "ActivityExecutionId");

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_AssigneeOrgCode_Status",
                table: "HumanTasks",
                columns: new[] { "AssigneeOrgCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_BookmarkId",
                table: "HumanTasks",
                column: "BookmarkId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_InstanceId",
                table: "HumanTasks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_Status_DueAt",
                table: "HumanTasks",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_InstanceId",
                table: "Incidents",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryFocusChoices_ChosenAt",
                table: "InventoryFocusChoices",
                column: "ChosenAt");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryProcedures_ProcessKey",
                table: "InventoryProcedures",
                column: "ProcessKey");

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementImports_CycleId_Kind_FileHash",
                table: "MeasurementImports",
                columns: new[] { "CycleId", "Kind", "FileHash" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementImports_PilotId",
                table: "MeasurementImports",
                column: "PilotId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Level",
                table: "Organisations",
                column: "Level");

            migrationBuilder.CreateIndex(
                name: "IX_PilotCases_CycleId_Ordinal",
                table: "PilotCases",
                columns: new[] { "CycleId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_PilotCases_InstanceId",
                table: "PilotCases",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotCycles_PilotId_Number",
                table: "PilotCycles",
                columns: new[] { "PilotId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotCycles_Status",
                table: "PilotCycles",
                column: "Status");

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
                name: "IX_ReformIssueChanges_IssueId",
                table: "ReformIssueChanges",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_ReformIssues_ProcessKey",
                table: "ReformIssues",
                column: "ProcessKey");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_FormulaVersion_CalendarKey",
                table: "ReportCases",
                columns: new[] { "FormulaVersion", "CalendarKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_PilotId_CycleId",
                table: "ReportCases",
                columns: new[] { "PilotId", "CycleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_ProcessKey_Arm_DefinitionId_DefinitionVersion_S~",
                table: "ReportCases",
                columns: new[] { "ProcessKey", "Arm", "DefinitionId", "DefinitionVersion", "Simulated" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_RateVersion",
                table: "ReportCases",
                column: "RateVersion");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCaseTouch_InstanceId",
                table: "ReportCaseTouch",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_SimulationScenarios_ProcessKey_CreatedAt",
                table: "SimulationScenarios",
                columns: new[] { "ProcessKey", "CreatedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_DefinitionId_IsLatest",
                table: "WorkflowDefinitions",
                columns: new[] { "DefinitionId", "IsLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_DefinitionId_IsPublished",
                table: "WorkflowDefinitions",
                columns: new[] { "DefinitionId", "IsPublished" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_DefinitionId_Version",
                table: "WorkflowDefinitions",
                columns: new[] { "DefinitionId", "Version" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_ProcessKey_Arm",
                table: "WorkflowDefinitions",
                columns: new[] { "ProcessKey", "Arm" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CorrelationId",
                table: "WorkflowInstances",
                column: "CorrelationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_RecordedAt",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_PilotId_CycleId",
                table: "WorkflowInstances",
                columns: new[] { "PilotId", "CycleId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_ProcessKey_Arm_Status",
                table: "WorkflowInstances",
                columns: new[] { "ProcessKey", "Arm", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Status_Arm_ProcessKey_Id",
                table: "WorkflowInstances",
                columns: new[] { "Status", "Arm", "ProcessKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Status_UpdatedAt",
                table: "WorkflowInstances",
                columns: new[] { "Status", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityExecutions");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Bookmarks");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Handoffs");

            migrationBuilder.DropTable(
                name: "HumanTasks");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "InventoryDataItems");

            migrationBuilder.DropTable(
                name: "InventoryFocusChoices");

            migrationBuilder.DropTable(
                name: "InventoryPrioritySchemes");

            migrationBuilder.DropTable(
                name: "MeasurementImports");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "PilotCases");

            migrationBuilder.DropTable(
                name: "PilotCycles");

            migrationBuilder.DropTable(
                name: "Pilots");

            migrationBuilder.DropTable(
                name: "QuestionnaireAnswers");

            migrationBuilder.DropTable(
                name: "RateTableVersions");

            migrationBuilder.DropTable(
                name: "ReformIssueChanges");

            migrationBuilder.DropTable(
                name: "ReportCases");

            migrationBuilder.DropTable(
                name: "ReportCaseTouch");

            migrationBuilder.DropTable(
                name: "SimulationScenarios");

            migrationBuilder.DropTable(
                name: "TimeStudyRecords");

            migrationBuilder.DropTable(
                name: "WorkflowDefinitions");

            migrationBuilder.DropTable(
                name: "WorkflowInstances");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "InventoryDataFlows");

            migrationBuilder.DropTable(
                name: "ReformIssues");

            migrationBuilder.DropTable(
                name: "InventoryProcedures");
        }
    }
}
