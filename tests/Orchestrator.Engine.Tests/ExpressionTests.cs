using static Orchestrator.Engine.Tests.TestWorkflows;

namespace Orchestrator.Engine.Tests;

public sealed class ExpressionTests
{
    static async Task<WorkflowInstanceState> RunChain(string variables, WorkflowRunnerOptions? options, params (string, string)[] steps)
    {
        var (runner, _) = Runner(options);
        return await runner.StartAsync(WorkflowDefinitionJson.Read(Chain(variables, steps)),
            new StartWorkflowRequest(new Dictionary<string, object?> { ["amount"] = 150, ["who"] = "佐藤" }, "corr-1", "inst-1"));
    }

    [Fact]
    public async Task JavaScript_helpers_read_and_write_instance_data()
    {
        var state = await RunChain("[" + Var("x", "Int32", "2") + "," + Var("y") + "," + Var("z") + "]", null,
            ("a", SetVar("a", "y", Js("value", "getVariable('x') * 10 + getInput('amount')"))),
            ("b", Act("b", "Elsa.WriteLine", Js("text", "variables.x = variables.x + 1; setVariable('z', { id: getWorkflowInstanceId(), c: getCorrelationId() }); 'x=' + variables.x", "String"))),
            ("c", Act("c", "Elsa.WriteLine", Js("text", "JSON.stringify(getOutputFrom('nothing')) + '/' + ('x' in variables) + '/' + ('nope' in variables)", "String"))));
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(170, (long)state.Variables["y"]!);
        Assert.Equal(3, (long)state.Variables["x"]!);
        Assert.Equal("inst-1", (string?)state.Variables["z"]!["id"]);
        Assert.Equal("corr-1", (string?)state.Variables["z"]!["c"]);
        Assert.Equal(["x=3", "null/true/false"], state.OutputLines);
    }

    [Fact]
    public async Task Outputs_bound_to_variables_are_readable_with_getOutputFrom()
    {
        var (runner, _) = Runner();
        var d = WorkflowDefinitionJson.Read(Chain("[" + Var("got") + "," + Var("payload") + "]",
            ("ev", Act("ev", "Elsa.Event", Lit("eventName", "arrived") + """, "result": { "typeName": "Object", "memoryReference": { "id": "v-payload" } }""")),
            ("read", SetVar("read", "got", Js("value", "getOutputFrom('ev').n + getOutputFrom('ev', 'result').n")))));
        var state = await runner.StartAsync(d);
        var bookmark = Assert.Single(state.Bookmarks);
        Assert.Equal(("arrived", BookmarkKind.Event), (bookmark.Name, bookmark.Kind));
        state = await runner.ResumeAsync(d, state, bookmark.Id, new Dictionary<string, object?> { ["n"] = 21 });
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(21, (int)state.Variables["payload"]!["n"]!);
        Assert.Equal(42, (long)state.Variables["got"]!);
    }

    [Theory]
    [InlineData("getInput('who')")]
    [InlineData("getInput('amount')")]
    [InlineData("getInput('ratio')")]
    [InlineData("getInput('flag')")]
    [InlineData("getInput('none')")]
    [InlineData("getInput('missing')")]
    [InlineData("getInput('nested')")]
    [InlineData("getVariable('x')")]
    [InlineData("getVariable('y')")]
    [InlineData("getVariable('missing')")]
    [InlineData("'13'")]
    [InlineData("12.5")]
    [InlineData("3")]
    [InlineData("false")]
    public async Task A_script_that_only_names_a_value_gives_what_the_script_engine_gives(string script)
    {
        // The same script with an empty statement after it is no longer a direct reading: Jint evaluates it.
        var (runner, _) = Runner();
        var d = WorkflowDefinitionJson.Read(Chain("[" + Var("x", "Int32", "2") + "," + Var("y") + "," + Var("direct") + "," + Var("jint") + "]",
            ("a", SetVar("a", "direct", Js("value", script))),
            ("b", SetVar("b", "jint", Js("value", script + ";;")))));
        var state = await runner.StartAsync(d, new StartWorkflowRequest(new Dictionary<string, object?>
        {
            ["who"] = "佐藤", ["amount"] = 150, ["ratio"] = 0.25, ["flag"] = true, ["none"] = null,
            ["nested"] = new Dictionary<string, object?> { ["n"] = 1 },
        }));
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(state.Variables["jint"]?.ToJsonString(), state.Variables["direct"]?.ToJsonString());
        Assert.Equal(state.Variables["jint"]?.GetValueKind(), state.Variables["direct"]?.GetValueKind());
    }

    [Theory]
    [InlineData("while (true) {}", "statements limit 10000")]
    [InlineData("function f(n) { return f(n + 1); } f(0)", "recursion limit 64")]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }", "memory limit")]
    public async Task Sandbox_limits_fault_the_activity_with_a_clear_message(string script, string limit)
    {
        var options = new WorkflowRunnerOptions { JavaScriptLimits = new JavaScriptLimits { MaxStatements = script.Contains("push") ? 10_000_000 : 10_000, MemoryLimitBytes = 2_000_000 } };
        var state = await RunChain("[]", options, ("js", Act("js", "Elsa.WriteLine", Js("text", script, "String"))));
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        var incident = Assert.Single(state.Incidents);
        Assert.Equal("js", incident.ActivityId);
        Assert.StartsWith("JavaScript の実行が制限を超えました: " + limit, incident.Message);
        var record = state.Journal.Single(r => r.ActivityId == "js");
        Assert.Equal(ActivityStatus.Faulted, record.Status);
        Assert.Equal(incident.Message, record.Message);
        Assert.DoesNotContain(state.Journal, r => r.ActivityId == "end");
    }

    [Fact]
    public async Task Sandbox_time_limit_faults()
    {
        var options = new WorkflowRunnerOptions { JavaScriptLimits = new JavaScriptLimits { MaxStatements = int.MaxValue, TimeoutInterval = TimeSpan.FromMilliseconds(50) } };
        var state = await RunChain("[]", options, ("js", Act("js", "Elsa.WriteLine", Js("text", "while (true) {}", "String"))));
        Assert.StartsWith("JavaScript の実行が制限を超えました: time limit 50 ms", Assert.Single(state.Incidents).Message);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("clr.System.Environment.Exit(1)")]
    public async Task Scripts_have_no_CLR_access(string script)
    {
        var state = await RunChain("[]", null, ("js", Act("js", "Elsa.WriteLine", Js("text", script, "String"))));
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.StartsWith("JavaScript error:", Assert.Single(state.Incidents).Message);
    }

    [Fact]
    public async Task An_engine_stays_usable_after_a_violation()
    {
        var (runner, _) = Runner();
        var bad = WorkflowDefinitionJson.Read(Chain("[]", ("js", Act("js", "Elsa.WriteLine", Js("text", "while (true) {}", "String")))));
        var good = WorkflowDefinitionJson.Read(Chain("[]", ("js", Act("js", "Elsa.WriteLine", Js("text", "'ok ' + (1 + 1)", "String")))));
        Assert.Equal(WorkflowStatus.Faulted, (await runner.StartAsync(bad)).Status);
        var state = await runner.StartAsync(good);
        Assert.Equal(["ok 2"], state.OutputLines);
    }

    [Fact]
    public async Task Liquid_renders_variables_input_and_instance_id()
    {
        var state = await RunChain("[" + Var("name", "String", "山田") + "," + Var("items", "Object", "[1,2,3]") + "]", null,
            ("l", Act("l", "Elsa.WriteLine", Liquid("text", "{{ Variables.name }}様 {{ Input.who }} {{ WorkflowInstanceId }} {% for i in Variables.items %}[{{ i }}]{% endfor %} {{ Input.amount | plus: 1 }}"))));
        Assert.Equal(["山田様 佐藤 inst-1 [1][2][3] 151"], state.OutputLines);
    }

    [Fact]
    public async Task Literal_values_convert_to_the_input_type()
    {
        var state = await RunChain("[" + Var("n", "Int32") + "," + Var("b", "Boolean") + "," + Var("o") + "]", null,
            ("a", SetVar("a", "n", Lit("value", "42", "Int32"))),
            ("b", SetVar("b", "b", Lit("value", "true", "Boolean"))),
            ("c", SetVar("c", "o", """ "value": { "typeName": "Object", "expression": { "type": "Object", "value": "{\"k\":[1,2]}" } }""")),
            ("d", Act("d", "Elsa.FlowDecision", """ "condition": false """)));
        Assert.Equal(42, (long)state.Variables["n"]!);
        Assert.True((bool)state.Variables["b"]!);
        Assert.Equal(2, (int)state.Variables["o"]!["k"]![1]!);
        Assert.Equal("False", state.Journal.Single(r => r.ActivityId == "d").Outcome);
    }
}

public sealed class JavaScriptIsolationTests
{
    static async Task<WorkflowInstanceState> Run(WorkflowRunner runner, string script, string instanceId) =>
        await runner.StartAsync(WorkflowDefinitionJson.Read(TestWorkflows.Chain("[" + TestWorkflows.Var("x", "Int32", "1") + "]",
            ("js", TestWorkflows.Act("js", "Elsa.WriteLine", TestWorkflows.Js("text", script, "String"))))), new StartWorkflowRequest(InstanceId: instanceId));

    [Fact]
    public async Task Top_level_declarations_do_not_leak_between_instances()
    {
        var (runner, _) = TestWorkflows.Runner();
        var first = await Run(runner, "let total = getVariable('x') + 1; const label = 'n='; label + total", "a");
        var second = await Run(runner, "let total = getVariable('x') + 1; const label = 'n='; label + total", "b");
        var third = await Run(runner, "typeof total", "c");
        Assert.Equal(["n=2"], first.OutputLines);
        Assert.Equal(["n=2"], second.OutputLines);
        Assert.Equal(["undefined"], third.OutputLines);
    }

    [Fact]
    public async Task Implicit_globals_and_tampering_with_helpers_do_not_leak_to_the_next_instance()
    {
        var (runner, _) = TestWorkflows.Runner();
        // Sloppy mode, as in Elsa: an undeclared assignment works within the script.
        var leak = await Run(runner, "leaked = 5; 'x' + (leaked + 1)", "a");
        Assert.Equal(["x6"], leak.OutputLines);
        // Helpers and built-ins are read-only: the assignments are ignored, the scripts go on.
        var tamper = await Run(runner, "getVariable = function () { return 99; }; 'v' + getVariable('x')", "b");
        Assert.Equal(["v1"], tamper.OutputLines);
        var prototype = await Run(runner, "Array.prototype.evil = 1; 'e' + typeof [].evil", "c");
        Assert.Equal(["eundefined"], prototype.OutputLines);
        var after = await Run(runner, "'' + getVariable('x') + typeof leaked + typeof [].evil", "d");
        Assert.Equal(["1undefinedundefined"], after.OutputLines);
    }
}

public sealed class JavaScriptPoolingTests
{
    [Fact]
    public async Task Limits_apply_per_evaluation_not_per_pooled_engine()
    {
        var options = new WorkflowRunnerOptions { JavaScriptLimits = new JavaScriptLimits { MaxStatements = 20, MemoryLimitBytes = 1_000_000 } };
        var (runner, _) = TestWorkflows.Runner(options);
        var d = WorkflowDefinitionJson.Read(TestWorkflows.Chain("[" + TestWorkflows.Var("n", "Int32", "0") + "]",
            // The first script declares globals (own engine), the second runs on pooled engines.
            ("js", TestWorkflows.SetVar("js", "n", TestWorkflows.Js("value", "var s = ''; for (var i = 0; i < 5; i++) { s += 'abcdefghij'; } s.length + getVariable('n')"))),
            ("pooled", TestWorkflows.SetVar("pooled", "n", TestWorkflows.Js("value", "getVariable('n') + [1, 2, 3, 4, 5].map(function (x) { return x * 2; }).length")))));
        // The pool hands back the engine last returned, so one engine runs every pooled script here: limits that added
        // up across evaluations would stop it within a few runs. 2,000 runs took 29 s of the engine tests' 35.
        for (var i = 0; i < 200; i++)
        {
            var state = await runner.StartAsync(d);
            Assert.True(state.Status == WorkflowStatus.Finished, $"run {i}: {state.Status} {state.Incidents.FirstOrDefault()?.Message}");
            Assert.Equal(55, (long)state.Variables["n"]!);
        }
    }
}
