using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Server.Simulations;

/// <summary>
/// A what-if run kept under a name to compare later: the request it ran (with the draft, if it was one), the settings it
/// used and its summary, as JSON. It is not a pilot record and no report reads it.
/// </summary>
public sealed class SimulationScenario
{
    public required string Id { get; set; }
    public required string ProcessKey { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary><see cref="SimulationRuns.WhatIf"/> or <see cref="SimulationRuns.Sensitivity"/>.</summary>
    public required string Kind { get; set; }
    public required string RequestJson { get; set; }
    public required string ResultJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

internal sealed class SimulationScenarioConfiguration : IEntityTypeConfiguration<SimulationScenario>
{
    public void Configure(EntityTypeBuilder<SimulationScenario> b)
    {
        b.ToTable("SimulationScenarios");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.ProcessKey, s.CreatedAt });
    }
}
