using static Orchestrator.Engine.Tests.TestWorkflows;

namespace Orchestrator.Engine.Tests;

public sealed class ValidationTests
{
    readonly WorkflowValidator validator = new(ActivityRegistry.CreateDefault());

    static string Basic(string middle, string extraConnections = "") => Flow(
        Act("start", "Elsa.Start") + ",\n" + middle,
        C("start", "m") + (extraConnections.Length > 0 ? ",\n" + extraConnections : ""));

    [Fact]
    public void A_correct_file_is_valid_without_warnings()
    {
        var r = validator.Validate(Chain("[]", ("w", Act("w", "Elsa.WriteLine", Lit("text", "ok")))));
        Assert.True(r.Valid);
        Assert.Empty(r.Errors);
        Assert.Empty(r.Warnings);
    }

    [Theory]
    [InlineData("with/slash")]
    [InlineData("nul\\u0000id")]
    [InlineData("with space")]
    public void A_definition_id_other_than_letters_digits_and_few_marks_is_an_error(string definitionId)
    {
        var json = Chain("[]", ("w", Act("w", "Elsa.WriteLine", Lit("text", "ok")))).Replace("\"definitionId\": \"t\"", $"\"definitionId\": \"{definitionId}\"");

        var e = Assert.Single(validator.Validate(json).Errors);

        Assert.Equal("$.definitionId", e.Path);
    }

    [Fact]
    public void Over_long_names_and_unpaired_surrogates_are_errors_with_their_paths()
    {
        var longName = Chain("[]", ("w", Act("w", "Elsa.WriteLine", Lit("text", "ok")))).Replace("\"name\": \"test\"", $"\"name\": \"{new string('名', 201)}\"");
        Assert.Equal("$.name", Assert.Single(validator.Validate(longName).Errors).Path);

        var surrogate = Chain("[]", ("w", Act("w", "Elsa.WriteLine", Lit("text", "LONE")))).Replace("LONE", "a\\ud800b");
        var e = Assert.Single(validator.Validate(surrogate).Errors);
        Assert.Equal("$.root.activities[1].text.expression.value", e.Path);
        Assert.Contains("unpaired surrogate", e.Message);
    }

    [Fact]
    public void No_start_activity()
    {
        var r = validator.Validate(Flow(Act("a", "Elsa.WriteLine") + "," + Act("b", "Elsa.WriteLine"), C("a", "b") + "," + C("b", "a")));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.activities", e.Path);
        Assert.Contains("No start activity", e.Message);
        Assert.False(r.Valid);
    }

    [Fact]
    public void Duplicate_ids()
    {
        var r = validator.Validate(Basic(Act("m", "Elsa.WriteLine") + "," + Act("m", "Elsa.WriteLine")));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.activities[2].id", e.Path);
        Assert.Equal("Duplicate activity id 'm' (first used at $.root.activities[1]).", e.Message);
    }

    [Fact]
    public void Connection_to_a_missing_activity()
    {
        var r = validator.Validate(Basic(Act("m", "Elsa.WriteLine"), C("m", "ghost")));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.connections[1].target.activity", e.Path);
        Assert.Equal("The connection ends at a missing activity 'ghost'.", e.Message);
    }

    [Fact]
    public void Connection_from_an_unknown_port()
    {
        var r = validator.Validate(Basic(Act("m", "Elsa.FlowDecision", Js("condition", "true", "Boolean")) + "," + Act("w", "Elsa.WriteLine"), C("m", "w", "Maybe")));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.connections[1].source.port", e.Path);
        Assert.Equal("Activity 'm' (Elsa.FlowDecision) has no outcome port 'Maybe'; its ports are: True, False.", e.Message);
    }

    [Fact]
    public void Ports_derived_from_inputs_are_known()
    {
        var task = Act("m", "Orchestrator.HumanTask", Lit("title", "審査") + """, "outcomes": { "typeName": "Object", "expression": { "type": "Object", "value": "[\"Approve\",\"Reject\"]" } }""");
        var r = validator.Validate(Basic(task + "," + Act("a", "Elsa.WriteLine") + "," + Act("b", "Elsa.WriteLine"),
            C("m", "a", "Approve") + "," + C("m", "b", "Done")));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.connections[2].source.port", e.Path);
        Assert.Contains("its ports are: Approve, Reject", e.Message);
    }

    [Fact]
    public void Unknown_activity_type()
    {
        var r = validator.Validate(Basic(Act("m", "Acme.Teleport")));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.activities[1].type", e.Path);
        Assert.StartsWith("Activity type 'Acme.Teleport' is not supported here: it is not one of the Elsa activities this engine runs, nor the id of a workflow definition known here", e.Message);
        Assert.Equal(ValidationProblem.UnsupportedActivity, e.Code);
    }

    [Fact]
    public void Missing_required_input()
    {
        var r = validator.Validate(Basic(Act("m", "Elsa.FlowDecision")));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.activities[1].condition", e.Path);
        Assert.Equal("Required input 'condition' of Elsa.FlowDecision 'm' is missing.", e.Message);
    }

    [Fact]
    public void JavaScript_syntax_error()
    {
        var r = validator.Validate(Basic(Act("m", "Elsa.FlowDecision", Js("condition", "getVariable('x') >", "Boolean"))));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.activities[1].condition", e.Path);
        Assert.StartsWith("JavaScript syntax error:", e.Message);
    }

    [Fact]
    public void JavaScript_syntax_error_in_a_switch_case()
    {
        var sw = """{ "id": "m", "type": "Elsa.FlowSwitch", "cases": [ { "label": "A", "condition": { "type": "JavaScript", "value": "1 +* 2" } } ] }""";
        var r = validator.Validate(Basic(sw));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.activities[1].cases[0].condition", e.Path);
        Assert.StartsWith("JavaScript syntax error:", e.Message);
    }

    [Fact]
    public void Liquid_syntax_error()
    {
        var r = validator.Validate(Basic(Act("m", "Elsa.WriteLine", Liquid("text", "{% if Variables.x %}unclosed"))));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.activities[1].text", e.Path);
        Assert.StartsWith("Liquid syntax error:", e.Message);
    }

    [Fact]
    public void Invalid_cron_expression()
    {
        var r = validator.Validate(Basic(Act("m", "Elsa.Cron", Lit("cronExpression", "every day"))));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.activities[1].cronExpression", e.Path);
        Assert.StartsWith("Invalid cron expression 'every day'", e.Message);
    }

    [Fact]
    public void Unreachable_activity_is_a_warning()
    {
        var r = validator.Validate(Basic(Act("m", "Elsa.WriteLine") + "," + Act("island", "Elsa.WriteLine")));
        Assert.True(r.Valid);
        var w = Assert.Single(r.Warnings);
        Assert.Equal("$.root.activities[2]", w.Path);
        Assert.Equal("Activity 'island' is unreachable from the start activity 'start' and will never run.", w.Message);
    }

    [Fact]
    public void Problems_inside_a_nested_flowchart_have_nested_paths()
    {
        var node = """{ "id": "m", "type": "Elsa.FlowNode", "activities": [ { "id": "s2", "type": "Elsa.Start" }, { "id": "x", "type": "Elsa.Nope" } ], "connections": [ { "source": { "activity": "s2", "port": "Done" }, "target": { "activity": "x", "port": "In" } } ] }""";
        var r = validator.Validate(Basic(node));
        var e = Assert.Single(r.Errors);
        Assert.Equal("$.root.activities[1].activities[1].type", e.Path);
    }

    [Fact]
    public void Elsa2_file_is_an_error_that_says_so()
    {
        var r = validator.Validate("""{ "activities": [ { "activityId": "a", "type": "WriteLine" } ], "connections": [] }""");
        var e = Assert.Single(r.Errors);
        Assert.False(r.Valid);
        Assert.Equal("$", e.Path);
        Assert.Contains("Elsa 2 workflow definition", e.Message);
    }

    [Fact]
    public void Unreadable_json_is_an_error()
    {
        var r = validator.Validate("not json");
        var e = Assert.Single(r.Errors);
        Assert.Equal("$", e.Path);
        Assert.StartsWith("The file is not readable JSON", e.Message);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var r = validator.Validate(Basic(Act("m", "Elsa.FlowDecision") + "," + Act("q", "Acme.Unknown"), C("m", "nowhere", "True")));
        Assert.Equal(3, r.Errors.Count);
        Assert.Contains(r.Errors, e => e.Path == "$.root.activities[1].condition");
        Assert.Contains(r.Errors, e => e.Path == "$.root.activities[2].type");
        Assert.Contains(r.Errors, e => e.Path == "$.root.connections[1].target.activity");
    }
}

public sealed class ValidationExpressionTypeTests
{
    [Fact]
    public void Unsupported_expression_type()
    {
        var json = TestWorkflows.Chain("[]", ("w", TestWorkflows.Act("w", "Elsa.WriteLine", """ "text": { "typeName": "String", "expression": { "type": "CSharp", "value": "1+1" } } """)));
        var e = Assert.Single(new WorkflowValidator(ActivityRegistry.CreateDefault()).Validate(json).Errors);
        Assert.Equal("$.root.activities[1].text", e.Path);
        Assert.Equal("Unsupported expression type 'CSharp' (use Literal, Object, JavaScript, Liquid or Variable).", e.Message);
    }
}
