using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Simulations;

/// <summary>
/// Checks a what-if request and resolves it into a plan: the two arms (a stored version or the draft sent), the pilot's
/// settings or the defaults, and the request's own overrides. Every problem is reported at once, with its path.
/// </summary>
public sealed class WhatIfPlanner(
    AppDbContext db, DefinitionService definitions, WorkflowValidator validator, ProductPaths paths, SimulationOptions options,
    PilotSimulation simulation, TimeProvider time)
{
    public async Task<WhatIfPlan> PlanAsync(WhatIfRequest? request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        if (request is null)
            throw new WhatIfRequestException([new("$", "本文が必要です (a request body is required)")]);
        var cases = request.Cases ?? options.DefaultCases;
        if (cases < 1 || cases > options.MaxCases)
            problems.Add(new("$.cases", $"件数は 1〜{options.MaxCases} です (cases per arm must be 1–{options.MaxCases})"));

        var workflow = await ResolveAsync(request.Workflow, "$.workflow", problems, ct);
        WhatIfArm? counterpart = null;
        if (workflow is not null)
        {
            counterpart = request.Counterpart is null
                ? await OtherArmAsync(workflow, problems, ct)
                : await ResolveAsync(request.Counterpart, "$.counterpart", problems, ct);
            if (counterpart is not null && (counterpart.Arm == workflow.Arm || counterpart.Version.ProcessKey != workflow.Version.ProcessKey))
                problems.Add(new("$.counterpart", $"比較相手は同じプロセス '{workflow.Version.ProcessKey}' のもう一方の版にしてください (the counterpart must be the other arm of the same process)"));
        }

        PilotConfiguration? pilot = null;
        if (request.PilotId is not null)
        {
            var stored = await db.Pilots.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PilotId, ct);
            if (stored is null)
                problems.Add(new("$.pilotId", $"パイロット '{request.PilotId}' はありません (no such pilot)"));
            else
                pilot = PilotService.ConfigurationOf(stored.ConfigurationJson);
        }
        if (problems.Count > 0 || workflow is null || counterpart is null)
            throw new WhatIfRequestException(problems);

        var processKey = workflow.Version.ProcessKey!;
        var process = pilot?.Processes?.FirstOrDefault(p => p.ProcessKey == processKey);
        var settings = request.Settings ?? new WhatIfSettings();
        var casesFile = settings.CasesFile ?? process?.CasesFile ?? Path.Combine("fixtures", "cases", processKey + ".csv").Replace('\\', '/');
        IReadOnlyList<IReadOnlyDictionary<string, string>> rows = [];
        if (CaseFiles.Problem(paths, casesFile) is { } fileProblem)
            problems.Add(new("$.settings.casesFile", fileProblem));
        else
            rows = CaseSource.ReadCsv(CaseFiles.Resolve(paths, casesFile));
        var inFile = rows.Select(r => r["municipalityCode"]).Distinct(StringComparer.Ordinal).ToList();
        var municipalities = settings.Municipalities ?? pilot?.Municipalities ?? inFile;
        for (var i = 0; i < municipalities.Count; i++)
        {
            if (rows.Count > 0 && !inFile.Contains(municipalities[i]))
                problems.Add(new($"$.settings.municipalities[{i}]", $"案件ファイルに市町村 {municipalities[i]} の案件がありません (the case file has no cases of this municipality)"));
        }
        if (municipalities.Count == 0 && rows.Count > 0)
            problems.Add(new("$.settings.municipalities", "市町村を 1 つ以上指定してください (at least one municipality)"));
        var capacity = settings.ClerkCapacity ?? pilot?.EffectiveSimulation.ClerkCapacity ?? new ClerkCapacity();
        if (capacity.Default < 1 || capacity.ByOrganisation?.Values.Any(n => n < 1) == true)
            problems.Add(new("$.settings.clerkCapacity", "職員数は 1 人以上です (every organisation needs at least one clerk)"));
        var horizon = settings.Horizon ?? pilot?.CycleLength ?? options.DefaultHorizon;
        var window = settings.ArrivalWindow ?? pilot?.EffectiveSimulation.ArrivalWindow ?? horizon / 2;
        if (horizon <= TimeSpan.Zero || horizon > TimeSpan.FromDays(3660))
            problems.Add(new("$.settings.horizon", "期間は 10 年以内の正の長さです (the horizon must be positive and at most ten years)"));
        if (window <= TimeSpan.Zero || window > horizon)
            problems.Add(new("$.settings.arrivalWindow", "受付期間は期間以内の正の長さです (the arrival window must be positive and within the horizon)"));
        if (problems.Count > 0)
            throw new WhatIfRequestException(problems);

        var seed = request.Seed ?? pilot?.EffectiveSimulation.Seed ?? 1;
        var source = pilot?.EffectiveCaseSource ?? new PilotCaseSource(CaseSourceKind.Generator, seed);
        var caseSeed = source.Seed ?? 1;
        // Default start: today's first office hour (Japan), so that runs on the same day with the same seed agree.
        var today = new DateTimeOffset(time.GetUtcNow().ToOffset(CaseFacts.JapanOffset).Date, CaseFacts.JapanOffset);
        var startAt = settings.StartAt ?? simulation.CalendarFor(pilot ?? Empty).NextOpen(today);
        var (asIs, toBe) = workflow.Arm == Arms.AsIs ? (workflow, counterpart) : (counterpart, workflow);
        var perMunicipality = (cases + municipalities.Count - 1) / municipalities.Count;
        var configuration = new PilotConfiguration(null, null, PilotMode.Simulated, false,
            [new PilotProcess(processKey, new PilotArmDefinition(asIs.Version.DefinitionId, asIs.Version.Version),
                new PilotArmDefinition(toBe.Version.DefinitionId, toBe.Version.Version), casesFile)],
            municipalities, new PilotDesign(), perMunicipality, source, null, horizon,
            new SimulationDesign(seed, capacity, pilot?.EffectiveSimulation.Calendar, window));
        var used = new WhatIfSettingsUsed(request.PilotId, cases, seed, municipalities, casesFile, source.Kind.ToString(), caseSeed, capacity, window, horizon, startAt);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => new LocalizedName(o.NameJa, o.NameEn), StringComparer.Ordinal, ct);
        return new WhatIfPlan(processKey, Title(toBe.Definition) ?? Title(asIs.Definition), workflow.Arm, asIs, toBe, configuration, used, rows, names);
    }

    private static readonly PilotConfiguration Empty = new(null, null, null, false, null, null, null, 0, null, null, null, null);

    private async Task<WhatIfArm?> ResolveAsync(WorkflowChoice? choice, string path, List<FieldProblem> problems, CancellationToken ct)
    {
        if (choice?.Json is { } json)
            return Draft(json, path + ".json", problems);
        if (string.IsNullOrWhiteSpace(choice?.DefinitionId))
        {
            problems.Add(new(path, "definitionId か json (下書き) を指定してください (give a definitionId or the draft's json)"));
            return null;
        }
        var version = await definitions.FindRunnableAsync(choice.DefinitionId, choice.Version, ct)
                      ?? (choice.Version is null ? await definitions.FindAsync(choice.DefinitionId, null, ct) : null);
        if (version is null)
        {
            problems.Add(new(path + ".definitionId", $"ワークフロー '{choice.DefinitionId}' {(choice.Version is { } v ? $"v{v} " : "")}はありません (no such workflow)"));
            return null;
        }
        return Arm(version, WorkflowDefinitionJson.Read(version.Json), draft: !version.IsPublished, path, problems);
    }

    private WhatIfArm? Draft(JsonObject json, string path, List<FieldProblem> problems)
    {
        var text = json.ToJsonString();
        var validation = validator.Validate(text);
        if (!validation.Valid)
        {
            problems.AddRange(validation.Errors.Select(e => new FieldProblem(path + e.Path.TrimStart('$'), e.Message)));
            return null;
        }
        var definition = WorkflowDefinitionJson.Read(text);
        var orchestrator = definition.CustomProperties["orchestrator"];
        var version = new WorkflowDefinitionVersion
        {
            Id = $"draft-{definition.DefinitionId}",
            DefinitionId = definition.DefinitionId,
            Version = definition.Version,
            Name = definition.Name,
            ProcessKey = orchestrator?["processKey"]?.GetValue<string>(),
            Arm = orchestrator?["arm"]?.GetValue<string>(),
            Json = text,
            ContentHash = "",
        };
        return Arm(version, definition, draft: true, path, problems);
    }

    private static WhatIfArm? Arm(WorkflowDefinitionVersion version, WorkflowDefinition definition, bool draft, string path, List<FieldProblem> problems)
    {
        if (string.IsNullOrEmpty(version.ProcessKey) || version.Arm is not (Arms.AsIs or Arms.ToBe))
        {
            problems.Add(new(path, "customProperties.orchestrator に processKey と arm (AsIs/ToBe) が必要です (the workflow must name its process and arm)"));
            return null;
        }
        return new WhatIfArm(version.Arm, version, definition, draft);
    }

    /// <summary>The other arm of the workflow's process: its published version, else its latest.</summary>
    private async Task<WhatIfArm?> OtherArmAsync(WhatIfArm workflow, List<FieldProblem> problems, CancellationToken ct)
    {
        var other = workflow.Arm == Arms.AsIs ? Arms.ToBe : Arms.AsIs;
        var candidates = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.ProcessKey == workflow.Version.ProcessKey && d.Arm == other && (d.IsPublished || d.IsLatest))
            .ToListAsync(ct);
        var found = candidates.OrderByDescending(d => d.IsPublished).ThenBy(d => d.DefinitionId, StringComparer.Ordinal).FirstOrDefault();
        if (found is null)
        {
            problems.Add(new("$.counterpart", $"プロセス '{workflow.Version.ProcessKey}' の{(other == Arms.AsIs ? "現行" : "改革後")}の版がありません (no {other} workflow of this process)"));
            return null;
        }
        return new WhatIfArm(other, found, WorkflowDefinitionJson.Read(found.Json), !found.IsPublished);
    }

    private static ProcessTitle? Title(WorkflowDefinition definition) =>
        definition.CustomProperties["orchestrator"]?["title"] is JsonObject t && t["ja"]?.GetValue<string>() is { } ja
            ? new ProcessTitle(ja, t["en"]?.GetValue<string>() ?? ja)
            : null;
}
