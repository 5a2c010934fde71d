using System.Text.Json.Nodes;
using Cronos;

namespace Orchestrator.Engine;

/// <summary>The behaviour of every built-in activity: what it does when it runs and when its bookmark is resumed.</summary>
internal sealed partial class ActivityExecutor(WorkflowRunner runner)
{
    static readonly ValueTask<ActivityResult> Done = new(CompletedResult.Done);

    public ValueTask<ActivityResult> ExecuteAsync(WorkflowRun run, FlowchartScopeState scope, ActivityModel a, ActivityExecutionRecord record)
    {
        switch (a.Type)
        {
            case ActivityTypes.Start:
            case ActivityTypes.FlowJoin:
                return Done;
            case ActivityTypes.End:
                return new(new EndFlowchartResult());
            case ActivityTypes.Finish:
                return new(new FinishInstanceResult());
            case ActivityTypes.FlowNode:
            case ActivityTypes.Flowchart:
                return new(new StartContainerResult());
            case ActivityTypes.WriteLine:
                run.State.OutputLines.Add(run.InputString(a, "text") ?? "");
                return Done;
            case ActivityTypes.SetVariable:
                return new(SetVariable(run, a));
            case ActivityTypes.SetName:
                run.State.Name = run.InputString(a, "value");
                return Done;
            case ActivityTypes.Correlate:
                run.State.CorrelationId = run.InputString(a, "correlationId");
                return Done;
            case ActivityTypes.FlowDecision:
                return new(new CompletedResult([JsonValues.IsTruthy(run.InputValue(a, "condition")) ? "True" : "False"]));
            case ActivityTypes.FlowSwitch:
                return new(Switch(run, a));
            case ActivityTypes.FlowFork:
                return new(Fork(run, scope, a));
            case ActivityTypes.Delay:
                return new(Timer(run, Required(JsonValues.AsTimeSpan(run.InputValue(a, "timeSpan")), a, "timeSpan"), "timeSpan"));
            case ActivityTypes.Timer:
                if (WorkflowTriggers.IsTrigger(run.Workflow, scope.ContainerPath, a)) return Done;
                return new(Timer(run, Required(JsonValues.AsTimeSpan(run.InputValue(a, "interval")), a, "interval"), "interval"));
            case ActivityTypes.Cron:
                return new(Cron(run, scope, a));
            case ActivityTypes.StartAt:
                var at = Required(JsonValues.AsDateTimeOffset(run.InputValue(a, "dateTime")), a, "dateTime");
                return at <= run.Now ? Done : new(new BlockedResult(BookmarkKind.Timer, null, at, new JsonObject { ["dateTime"] = at.ToString("O") }));
            case ActivityTypes.Event:
                var eventName = RequiredText(run, a, "eventName");
                return new(new BlockedResult(BookmarkKind.Event, eventName, null, new JsonObject { ["eventName"] = eventName }));
            case ActivityTypes.PublishEvent:
                run.State.PublishedEvents.Add(new PublishedEvent(RequiredText(run, a, "eventName"), run.InputString(a, "correlationId") ?? run.State.CorrelationId,
                    run.InputValue(a, "payload"), JsonValues.IsTruthy(run.InputValue(a, "isLocal")), a.Id, run.Now));
                return Done;
            case ActivityTypes.RunTask:
                var taskName = RequiredText(run, a, "taskName");
                return new(new BlockedResult(BookmarkKind.RunTask, taskName, null, new JsonObject { ["taskName"] = taskName, ["payload"] = run.InputValue(a, "payload") }));
            case ActivityTypes.Fault:
                return new(new FaultedResult(run.InputString(a, "message") is { Length: > 0 } m ? m : $"Fault activity '{a.Id}' was reached."));
            case ActivityTypes.FlowSendHttpRequest:
                return SendHttpAsync(run, a, flow: true);
            case ActivityTypes.SendHttpRequest:
                return SendHttpAsync(run, a, flow: false);
            case ActivityTypes.HttpEndpoint:
                return new(HttpEndpoint(run, a));
            case ActivityTypes.WriteHttpResponse:
                return new(WriteHttpResponse(run, a));
            case ActivityTypes.SetOutput:
                run.State.Output[RequiredText(run, a, "outputName")] = run.InputValue(a, "outputValue");
                return Done;
            case ActivityTypes.Complete:
                return new(new CompleteWorkflowResult(run.InputValue(a, "outcomes") is { } outcomes ? StaticValues.ToStringList(outcomes) : ["Done"]));
            case ActivityTypes.RunJavaScript:
                return new(RunJavaScript(run, a));
            case ActivityTypes.ForEach:
            case ActivityTypes.ParallelForEach:
                return new(new StartLoopResult(new LoopState { Items = Items(run.InputValue(a, "items")), Parallel = a.Type == ActivityTypes.ParallelForEach }));
            case ActivityTypes.While:
                return new(new StartLoopResult(new LoopState()));
            case ActivityTypes.ExecuteWorkflow:
            case ActivityTypes.DispatchWorkflow:
                return ExecuteWorkflowAsync(run, a);
            case ActivityTypes.HumanTask:
                return new(HumanTask(run, a));
            case ActivityTypes.AgencyCall:
                return new(AgencyCall(run, a, record));
            case ActivityTypes.Handoff:
                return new(Handoff(run, a));
            default:
                return runner.Options.Workflows is not null
                    ? WorkflowAsActivityAsync(run, a)
                    : new(UnknownType(a));
        }
    }

    static FaultedResult UnknownType(ActivityModel a) =>
        new($"Unknown activity type '{a.Type}' (activity '{a.Id}'): it is not supported here; replace the activity.");

    public ActivityResult Resume(WorkflowRun run, Bookmark bookmark, JsonObject input)
    {
        switch (bookmark.Kind)
        {
            case BookmarkKind.Timer:
            case BookmarkKind.Trigger:
                return CompletedResult.Done;
            case BookmarkKind.Event:
                return new CompletedResult(["Done"], new JsonObject { ["result"] = input.DeepClone() });
            case BookmarkKind.HumanTask:
            {
                var outcome = JsonValues.AsString(input["outcome"]) is { Length: > 0 } o ? o : "Done";
                return new CompletedResult([outcome], new JsonObject { ["outcome"] = outcome, ["result"] = input["data"]?.DeepClone() });
            }
            case BookmarkKind.RunTask:
                return new CompletedResult(["Done"], new JsonObject { ["result"] = input["result"]?.DeepClone() });
            case BookmarkKind.AgencyCall:
            {
                var outcome = JsonValues.AsString(input["outcome"]) is { Length: > 0 } o ? o : "Done";
                return new CompletedResult([outcome], new JsonObject { ["response"] = input["response"]?.DeepClone(), ["statusCode"] = input["statusCode"]?.DeepClone() });
            }
            case BookmarkKind.Handoff:
            {
                var receivedAt = JsonValues.AsString(input["receivedAt"]) ?? run.Now.ToString("O");
                return new CompletedResult(["Done"], new JsonObject { ["receivedAt"] = receivedAt });
            }
            case BookmarkKind.HttpEndpoint:
                return new CompletedResult(["Done"], HttpEndpointOutputs(input));
            case BookmarkKind.ChildWorkflow:
                return ChildCompleted(bookmark, input);
            case BookmarkKind.HttpRequest when bookmark.ActivityType == ActivityTypes.SendHttpRequest:
                return SendHttpOutcome(JsonValues.AsString(input["error"]), input["statusCode"] is JsonValue code && JsonValues.TryGetNumber(code, out var n) ? (int)n : null,
                    input["body"]?.DeepClone(), input["headers"]?.DeepClone() as JsonObject);
            case BookmarkKind.HttpRequest:
            {
                var error = JsonValues.AsString(input["error"]);
                var status = input["statusCode"] is JsonValue sv && JsonValues.TryGetNumber(sv, out var d) ? (int?)d : null;
                var expected = bookmark.Payload?["expectedStatusCodes"] is JsonArray arr ? StaticValues.ToStringList(arr) : [];
                return HttpOutcome(error, status, input["body"]?.DeepClone(), input["headers"]?.DeepClone() as JsonObject, expected);
            }
            default:
                return CompletedResult.Done;
        }
    }

    static T Required<T>(T? value, ActivityModel a, string input) where T : struct =>
        value ?? throw new ExpressionException($"Activity '{a.Id}' ({a.Type}) needs a value for '{input}'.");

    static string RequiredText(WorkflowRun run, ActivityModel a, string input) =>
        run.InputString(a, input) is { Length: > 0 } s ? s : throw new ExpressionException($"Activity '{a.Id}' ({a.Type}) needs a value for '{input}'.");

    static BlockedResult Timer(WorkflowRun run, TimeSpan span, string inputName) =>
        new(BookmarkKind.Timer, null, run.Now + span, new JsonObject { [inputName] = span.ToString("c") });

    ActivityResult Cron(WorkflowRun run, FlowchartScopeState scope, ActivityModel a)
    {
        if (WorkflowTriggers.IsTrigger(run.Workflow, scope.ContainerPath, a)) return CompletedResult.Done;
        var text = RequiredText(run, a, "cronExpression");
        var next = ParseCron(text).GetNextOccurrence(run.Now, TimeZoneInfo.Utc)
                   ?? throw new ExpressionException($"Cron expression '{text}' has no next occurrence.");
        return new BlockedResult(BookmarkKind.Timer, null, next, new JsonObject { ["cronExpression"] = text });
    }

    /// <summary>Elsa's cron expressions have six fields, seconds first (<c>0 0 9 * * *</c> is 9:00 every day).</summary>
    public static CronExpression ParseCron(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 6)
            throw new ExpressionException(
                $"Invalid cron expression '{text}': Elsa's cron expressions have 6 fields, seconds first (e.g. '0 0 9 * * *' for 9:00 every day); this one has {fields}."
                + (fields == 5 ? $" For the 5-field form, put the seconds in front: '0 {text.Trim()}'." : ""));
        try
        {
            return CronExpression.Parse(text, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            throw new ExpressionException($"Invalid cron expression '{text}': {ex.Message}", ex);
        }
    }

    ActivityResult SetVariable(WorkflowRun run, ActivityModel a)
    {
        // Elsa 3 writes { typeName, memoryReference: { id } }; older files a { id, name } object or a name.
        JsonNode? reference = a.Inputs.TryGetValue("variable", out var wrapper) && wrapper.MemoryReferenceId is { } refId
            ? JsonValue.Create(refId)
            : a.Extra.TryGetPropertyValue("variable", out var raw) ? raw : run.InputValue(a, "variable");
        var idOrName = reference switch
        {
            JsonObject o => JsonValues.AsString(WorkflowDefinitionJson.Get(o, "id")) is { Length: > 0 } id ? id : JsonValues.AsString(WorkflowDefinitionJson.Get(o, "name")),
            _ => JsonValues.AsString(reference),
        };
        if (string.IsNullOrEmpty(idOrName))
            return new FaultedResult($"SetVariable '{a.Id}' does not name a variable.");
        var definition = run.Workflow.Definition.FindVariable(idOrName);
        var value = run.InputValue(a, "value");
        if (definition is not null && !definition.IsArray) value = JsonValues.ConvertTo(value, definition.TypeName);
        run.SetVariable(definition?.Name ?? idOrName, value);
        return CompletedResult.Done;
    }

    ActivityResult Switch(WorkflowRun run, ActivityModel a)
    {
        var matchAny = string.Equals(run.InputString(a, "mode"), "MatchAny", StringComparison.OrdinalIgnoreCase);
        var cases = a.Extra.TryGetPropertyValue("cases", out var raw) ? raw : run.InputValue(a, "cases");
        var matched = new List<string>();
        if (cases is JsonArray list)
        {
            foreach (var c in list.OfType<JsonObject>())
            {
                var label = JsonValues.AsString(WorkflowDefinitionJson.Get(c, "label")) ?? "";
                var condition = WorkflowDefinitionJson.Get(c, "condition");
                var expression = condition switch
                {
                    JsonObject o when WorkflowDefinitionJson.Get(o, "expression") is JsonObject inner => ToExpression(inner),
                    JsonObject o => ToExpression(o),
                    null => null,
                    _ => ExpressionModel.Literal(condition.DeepClone()),
                };
                if (expression is null || !JsonValues.IsTruthy(runner.Expressions.Evaluate(expression, "Boolean", run))) continue;
                matched.Add(label);
                if (!matchAny) break;
            }
        }
        return new CompletedResult(matched.Count > 0 ? matched : ["Default"]);
    }

    static ExpressionModel ToExpression(JsonObject o) =>
        new(JsonValues.AsString(WorkflowDefinitionJson.Get(o, "type")) ?? "Literal", WorkflowDefinitionJson.Get(o, "value")?.DeepClone());

    static ActivityResult Fork(WorkflowRun run, FlowchartScopeState scope, ActivityModel a)
    {
        var branches = run.InputValue(a, "branches") is { } b ? StaticValues.ToStringList(b) : [];
        if (branches.Count == 0)
        {
            // No branch names configured: every outgoing port is a branch.
            branches = run.Workflow.Containers[scope.ContainerPath].OutgoingOf(a.Id).Select(c => c.Model.EffectiveSourcePort).Distinct().ToList();
        }
        return new CompletedResult(branches);
    }

    ActivityResult HumanTask(WorkflowRun run, ActivityModel a)
    {
        var title = RenderText(run, a, "title") ?? a.Name ?? a.Id;
        var outcomes = run.InputValue(a, "outcomes") is { } o ? StaticValues.ToStringList(o) : ["Done"];
        if (outcomes.Count == 0) outcomes = ["Done"];
        var dueIn = JsonValues.AsTimeSpan(run.InputValue(a, "dueIn"));
        // Made from its properties at once rather than grown one property at a time: a quarter less to allocate, for
        // the most frequent payload of a simulated cycle.
        var payload = new JsonObject(
        [
            new("title", title),
            new("instructions", RenderText(run, a, "instructions")),
            new("assigneeOrgLevel", run.InputString(a, "assigneeOrgLevel")),
            new("assigneeOrgCode", run.InputString(a, "assigneeOrgCode")),
            new("assigneeRole", run.InputString(a, "assigneeRole")),
            new("formFields", run.InputValue(a, "formFields") ?? new JsonArray()),
            new("outcomes", new JsonArray(outcomes.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray())),
            new("dueAt", dueIn is { } d ? (run.Now + d).ToString("O") : null),
        ]);
        return new BlockedResult(BookmarkKind.HumanTask, title, null, payload);
    }

    /// <summary>Task titles and instructions are Liquid templates even when given as literals.</summary>
    string? RenderText(WorkflowRun run, ActivityModel a, string name)
    {
        var text = run.InputString(a, name);
        if (text is null) return null;
        var literal = a.Inputs.TryGetValue(name, out var input) && input.Expression?.Type == "Literal";
        return literal && (text.Contains("{{") || text.Contains("{%")) ? runner.Expressions.RenderLiquid(text, run) : text;
    }

    static ActivityResult AgencyCall(WorkflowRun run, ActivityModel a, ActivityExecutionRecord record)
    {
        var agency = RequiredText(run, a, "agency");
        var operation = RequiredText(run, a, "operation");
        var payload = new JsonObject
        {
            ["agency"] = agency,
            ["operation"] = operation,
            ["payload"] = run.InputValue(a, "payload"),
            // Only the workflow can say a call is safe to repeat; without a key an unsafe call is sent once.
            ["idempotencyKey"] = run.InputString(a, "idempotencyKey") is { Length: > 0 } key ? key : null,
            ["timeout"] = JsonValues.AsTimeSpan(run.InputValue(a, "timeout"))?.ToString("c"),
        };
        return new BlockedResult(BookmarkKind.AgencyCall, operation, null, payload);
    }

    static ActivityResult Handoff(WorkflowRun run, ActivityModel a)
    {
        var transit = JsonValues.AsTimeSpan(run.InputValue(a, "transitTime"));
        var channel = run.InputString(a, "channel") ?? "System";
        var payload = new JsonObject
        {
            ["fromOrgLevel"] = run.InputString(a, "fromOrgLevel"),
            ["fromOrgCode"] = run.InputString(a, "fromOrgCode"),
            ["toOrgLevel"] = run.InputString(a, "toOrgLevel"),
            ["toOrgCode"] = run.InputString(a, "toOrgCode"),
            ["channel"] = channel,
            ["transitTime"] = transit?.ToString("c"),
            ["sentAt"] = run.Now.ToString("O"),
        };
        return new BlockedResult(BookmarkKind.Handoff, channel, transit is { } t ? run.Now + t : null, payload);
    }

    async ValueTask<ActivityResult> SendHttpAsync(WorkflowRun run, ActivityModel a, bool flow)
    {
        var url = RequiredText(run, a, "url");
        var method = run.InputString(a, "method") ?? "GET";
        var expected = run.InputValue(a, "expectedStatusCodes") is { } e ? StaticValues.ToStringList(e) : [];
        var content = run.InputValue(a, "content");
        var contentType = run.InputString(a, "contentType");
        var authorization = run.InputString(a, "authorization");
        var headers = run.InputValue(a, "requestHeaders") as JsonObject;
        if (runner.Options.HttpRequestSender is { } sender)
        {
            var response = await sender.SendAsync(new HttpSendRequest(url, method, content, contentType, authorization, headers), run.CancellationToken);
            return flow
                ? HttpOutcome(response.Error, response.StatusCode, response.Body?.DeepClone(), response.Headers?.DeepClone() as JsonObject, expected)
                : SendHttpOutcome(response.Error, response.StatusCode, response.Body?.DeepClone(), response.Headers?.DeepClone() as JsonObject);
        }
        var payload = new JsonObject
        {
            ["url"] = url,
            ["method"] = method,
            ["content"] = content,
            ["contentType"] = contentType,
            ["authorization"] = authorization,
            ["requestHeaders"] = headers,
            ["expectedStatusCodes"] = new JsonArray(expected.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        };
        return new BlockedResult(BookmarkKind.HttpRequest, $"{method} {url}", null, payload);
    }

    static ActivityResult HttpOutcome(string? error, int? statusCode, JsonNode? body, JsonObject? headers, IReadOnlyList<string> expected)
    {
        if (error is not null)
            return new CompletedResult([error.Equals("timeout", StringComparison.OrdinalIgnoreCase) ? "Timeout" : "Failed to connect"]);
        var outputs = new JsonObject { ["statusCode"] = statusCode, ["parsedContent"] = body, ["responseHeaders"] = headers };
        var code = statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new CompletedResult([code is not null && expected.Contains(code) ? code : "Unmatched status code"], outputs);
    }
}
