using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluid;

namespace Orchestrator.Engine;

/// <summary>Checks a definition file before anything runs and lists every problem with its JSON path. With a
/// <paramref name="workflows"/> provider, an activity type that is a known definition id is a workflow used as an
/// activity.</summary>
public sealed class WorkflowValidator(ActivityRegistry registry, IWorkflowDefinitionProvider? workflows = null)
{
    readonly FluidParser liquid = new();

    // The definitionId names the definition in URLs, job ids and stored rows; names and descriptions are stored and
    // shown in every list, so none of them may be unbounded.
    public const int MaxDefinitionIdLength = 128;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    static readonly Regex DefinitionIdPattern = new(@"^[\p{L}\p{N}._:-]+$", RegexOptions.CultureInvariant);

    public ValidationResult Validate(string json)
    {
        WorkflowDefinition definition;
        try
        {
            definition = WorkflowDefinitionJson.Read(json);
        }
        catch (WorkflowFormatException ex)
        {
            return new ValidationResult(false, ex.Problems, []);
        }
        return Validate(definition);
    }

    public ValidationResult Validate(WorkflowDefinition definition)
    {
        var errors = new List<ValidationProblem>();
        var warnings = new List<ValidationProblem>();
        var id = definition.DefinitionId;
        if (id.Length > MaxDefinitionIdLength || (id.Length > 0 && !DefinitionIdPattern.IsMatch(id)))
            errors.Add(new("$.definitionId",
                $"definitionId may hold letters, digits, '.', '_', ':' and '-', at most {MaxDefinitionIdLength} of them."));
        TooLong(errors, "$.name", definition.Name, MaxNameLength);
        TooLong(errors, "$.description", definition.Description, MaxDescriptionLength);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in definition.Root.Descendants())
        {
            TooLong(errors, $"{a.SourcePath}.name", a.Name, MaxNameLength);
            if (string.IsNullOrEmpty(a.Id))
                errors.Add(new($"{a.SourcePath}.id", "The activity has no id."));
            else if (seen.TryGetValue(a.Id, out var first))
                errors.Add(new($"{a.SourcePath}.id", $"Duplicate activity id '{a.Id}' (first used at {first})."));
            else
                seen[a.Id] = a.SourcePath;
        }
        ValidateContainer(definition.Root, errors, warnings);
        return new ValidationResult(errors.Count == 0, errors, warnings);
    }

    static void TooLong(List<ValidationProblem> errors, string path, string? text, int max)
    {
        if (text?.Length > max)
            errors.Add(new(path, $"At most {max} characters ({text.Length} given)."));
    }

    void ValidateContainer(ActivityModel container, List<ValidationProblem> errors, List<ValidationProblem> warnings)
    {
        var byId = new Dictionary<string, ActivityModel>(StringComparer.Ordinal);
        foreach (var a in container.Activities) byId.TryAdd(a.Id, a);

        var start = FlowchartGraph.FindStart(container);
        // An empty flowchart (what Elsa Studio saves for a new workflow) is valid and completes at once.
        if (start is null && container.Activities.Count > 0)
            errors.Add(new($"{container.SourcePath}.activities",
                "No start activity: add an Elsa.Start, mark an activity canStartWorkflow, or leave one activity without inbound connections."));

        foreach (var c in container.Connections)
        {
            var sourcePath = c.Flat ? $"{c.SourcePath}.source" : $"{c.SourcePath}.source.activity";
            var targetPath = c.Flat ? $"{c.SourcePath}.target" : $"{c.SourcePath}.target.activity";
            if (!byId.TryGetValue(c.SourceActivity, out var source))
                errors.Add(new(sourcePath, $"The connection starts at a missing activity '{c.SourceActivity}'."));
            if (!byId.ContainsKey(c.TargetActivity))
                errors.Add(new(targetPath, $"The connection ends at a missing activity '{c.TargetActivity}'."));
            if (source is not null && registry.GetOutcomePorts(source) is { } ports
                && !ports.Contains(c.EffectiveSourcePort, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new(c.Flat ? $"{c.SourcePath}.sourcePort" : $"{c.SourcePath}.source.port",
                    $"Activity '{source.Id}' ({source.Type}) has no outcome port '{c.EffectiveSourcePort}'; its ports are: {(ports.Count == 0 ? "(none)" : string.Join(", ", ports))}."));
            }
        }

        foreach (var a in container.Activities)
        {
            if (registry.Find(a.Type) is not { } descriptor)
            {
                if (!IsWorkflow(a))
                    errors.Add(new($"{a.SourcePath}.type",
                        $"Activity type '{a.Type}' is not supported here: it is not one of the Elsa activities this engine runs, nor the id of a workflow definition known here "
                        + "(another project's own activity class cannot run here). The file is kept, but the activity must be replaced before the workflow can run.")
                    { Code = ValidationProblem.UnsupportedActivity });
            }
            else
            {
                foreach (var input in descriptor.Inputs.Where(i => i.Required))
                    if (IsMissing(a, input.Name))
                        errors.Add(new(InputPath(a, input.Name), $"Required input '{input.Name}' of {a.Type} '{a.Id}' is missing."));
                if (a.Type == ActivityTypes.Cron && StaticValues.TryGet(a, "cronExpression", out var cron) && JsonValues.AsString(cron) is { Length: > 0 } text)
                {
                    try { ActivityExecutor.ParseCron(text); }
                    catch (ExpressionException ex) { errors.Add(new(InputPath(a, "cronExpression"), ex.Message)); }
                }
            }
            foreach (var (name, input) in a.Inputs)
                if (input.Expression is { } e)
                    CheckExpression(e, InputPath(a, name), errors);
            if (a.Extra["cases"] is JsonArray cases)
                for (var i = 0; i < cases.Count; i++)
                    if (cases[i] is JsonObject c && WorkflowDefinitionJson.Get(c, "condition") is JsonObject cond)
                    {
                        var inner = WorkflowDefinitionJson.Get(cond, "expression") as JsonObject ?? cond;
                        var type = JsonValues.AsString(WorkflowDefinitionJson.Get(inner, "type")) ?? "Literal";
                        CheckExpression(new ExpressionModel(type, WorkflowDefinitionJson.Get(inner, "value")), $"{a.SourcePath}.cases[{i}].condition", errors);
                    }
            if (a.Nested is { } nested) ValidateContainer(nested, errors, warnings);
        }

        if (start is not null)
        {
            var reachable = new HashSet<string>(StringComparer.Ordinal) { start.Id };
            var stack = new Stack<string>([start.Id]);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                foreach (var c in container.Connections)
                    if (c.SourceActivity == id && byId.ContainsKey(c.TargetActivity) && reachable.Add(c.TargetActivity))
                        stack.Push(c.TargetActivity);
            }
            foreach (var a in container.Activities)
                if (!reachable.Contains(a.Id))
                    warnings.Add(new(a.SourcePath, $"Activity '{a.Id}' is unreachable from the start activity '{start.Id}' and will never run."));
        }
    }

    bool IsWorkflow(ActivityModel a) =>
        workflows is not null && (workflows.Exists(a.Type)
            || (StaticValues.TryGet(a, "workflowDefinitionId", out var id) && JsonValues.AsString(id) is { Length: > 0 } definitionId && workflows.Exists(definitionId)));

    void CheckExpression(ExpressionModel e, string path, List<ValidationProblem> errors)
    {
        if (e.Type is not ("Literal" or "Object" or "Json" or "JavaScript" or "Liquid" or "Variable"))
        {
            errors.Add(new(path, $"Unsupported expression type '{e.Type}' (use Literal, Object, JavaScript, Liquid or Variable)."));
            return;
        }
        var text = e.Text;
        if (string.IsNullOrWhiteSpace(text)) return;
        if (e.Type == "JavaScript")
        {
            try { JavaScriptEvaluator.Prepare(text); }
            catch (ExpressionException ex) { errors.Add(new(path, ex.Message)); }
        }
        else if (e.Type == "Liquid" && !LiquidEvaluator.TryParse(liquid, text, out var error))
        {
            errors.Add(new(path, $"Liquid syntax error: {error}"));
        }
    }

    static bool IsMissing(ActivityModel a, string name)
    {
        if (a.Inputs.TryGetValue(name, out var input))
            return input.Expression is null ? input.MemoryReferenceId is null : (input.Expression.Type == "Literal" && string.IsNullOrWhiteSpace(JsonValues.AsString(input.Expression.Value)));
        return !a.Extra.TryGetPropertyValue(name, out var raw) || raw is null;
    }

    static string InputPath(ActivityModel a, string name) =>
        $"{a.SourcePath}.{a.InputSourceNames.GetValueOrDefault(name) ?? name}";
}
