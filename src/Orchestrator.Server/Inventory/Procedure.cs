namespace Orchestrator.Server.Inventory;

/// <summary>
/// A procedure (手続) of the inventory: what it is, who is involved, how much of it there is, what it costs residents
/// and clerks today, what is wanted and what stands in the way. Every number is a <see cref="Figure"/>.
/// </summary>
public sealed class Procedure
{
    /// <summary>The catalogue's own code for the procedure (e.g. KOS-01); it never changes.</summary>
    public string Code { get; set; } = "";
    public string NameJa { get; set; } = "";
    public string? NameEn { get; set; }
    /// <summary>分野, e.g. 福祉, 税, 国保・年金.</summary>
    public string Field { get; set; } = "";
    /// <summary>根拠法令.</summary>
    public string? LegalBasis { get; set; }
    /// <summary>The organisations involved, in words (e.g. 市町村 市民課・保険年金課、年金事務所).</summary>
    public string? Organisations { get; set; }

    /// <summary>Cases per year nationwide.</summary>
    public Figure VolumeNational { get; set; } = new();
    /// <summary>Cases per year in one pilot municipality.</summary>
    public Figure VolumePerMunicipality { get; set; } = new();
    /// <summary>Office trips the resident makes per case today.</summary>
    public Figure ResidentTrips { get; set; } = new();
    /// <summary>Documents the resident submits per case today.</summary>
    public Figure ResidentDocuments { get; set; } = new();
    /// <summary>Clerk minutes per case today, all organisations together.</summary>
    public Figure ClerkMinutes { get; set; } = new();
    /// <summary>Fields keyed again per case today (転記項目数).</summary>
    public Figure RekeyedFields { get; set; } = new();
    /// <summary>The share of today's burden (%) the linkage is expected to remove.</summary>
    public Figure ReductionRate { get; set; } = new();
    /// <summary>Need from surveys of municipalities and residents, 1 (low) to 5 (high).</summary>
    public Figure NeedsScore { get; set; } = new();
    /// <summary>Feasibility, 1 (legal change and new systems needed) to 5 (ready today).</summary>
    public Figure FeasibilityScore { get; set; } = new();
    /// <summary>Cost of the reform, 1 (low) to 5 (high).</summary>
    public Figure CostScore { get; set; } = new();

    public string? NeedsText { get; set; }
    /// <summary>制度面の制約: a law or ordinance requires paper, a seal or a visit.</summary>
    public string? ConstraintLegal { get; set; }
    /// <summary>運用面の制約: who checks, when, with what authority.</summary>
    public string? ConstraintOperational { get; set; }
    /// <summary>技術面の制約: identifiers, code sets, availability of systems.</summary>
    public string? ConstraintTechnical { get; set; }

    /// <summary>Outside the programme's scope (e.g. the 引越・退職 field another project covered).</summary>
    public bool Excluded { get; set; }
    public string? ExcludedReason { get; set; }

    /// <summary>The process key of the workflows that model this procedure (links the inventory to workflows and reports).</summary>
    public string? ProcessKey { get; set; }
    /// <summary>The as-is draft generated from this procedure, once one was.</summary>
    public string? AsIsDefinitionId { get; set; }

    public List<DataFlow> DataFlows { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
