using static Orchestrator.Engine.Tests.TestWorkflows;

namespace Orchestrator.Engine.Tests;

/// <summary>What validation says about the Elsa files that used to be rejected or accepted wrongly.</summary>
public sealed class InteropValidationTests
{
    readonly WorkflowValidator validator = new(ActivityRegistry.CreateDefault());

    static string Cron(string expression) =>
        Flow(Act("cron", "Elsa.Cron", Lit("cronExpression", expression)) + "," + Act("w", "Elsa.WriteLine", Lit("text", "x")), C("cron", "w"));

    [Fact]
    public void Five_field_cron_is_rejected_with_the_six_field_form_to_use()
    {
        var e = Assert.Single(validator.Validate(Cron("0 9 * * *")).Errors);
        Assert.Equal("$.root.activities[0].cronExpression", e.Path);
        Assert.Equal("Invalid cron expression '0 9 * * *': Elsa's cron expressions have 6 fields, seconds first (e.g. '0 0 9 * * *' for 9:00 every day); this one has 5. "
                     + "For the 5-field form, put the seconds in front: '0 0 9 * * *'.", e.Message);
        Assert.True(validator.Validate(Cron("0 0 9 * * *")).Valid);
    }

    [Fact]
    public void An_empty_flowchart_is_valid()
    {
        var r = validator.Validate(Flow("", ""));
        Assert.True(r.Valid, string.Join("; ", r.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void A_definition_id_used_as_a_type_is_valid_when_that_workflow_is_known()
    {
        var child = WorkflowDefinitionJson.Read(Flow(Act("w", "Elsa.WriteLine", Lit("text", "x")), "").Replace("\"definitionId\": \"t\"", "\"definitionId\": \"child\""));
        var json = Chain("[]", ("c", Act("c", "child")));
        Assert.Equal(ValidationProblem.UnsupportedActivity, Assert.Single(validator.Validate(json).Errors).Code);
        var withWorkflows = new WorkflowValidator(ActivityRegistry.CreateDefault(), new WorkflowDefinitionSet([child]));
        Assert.True(withWorkflows.Validate(json).Valid);
    }

    [Fact]
    public void A_FlowNode_body_is_validated_like_any_flowchart()
    {
        var json = Flow(Act("start", "Elsa.Start") + """
            , { "id": "node", "type": "Elsa.FlowNode", "body": { "id": "inner", "type": "Elsa.Flowchart", "activities": [
                  { "id": "d", "type": "Elsa.FlowDecision" } ], "connections": [] } }
            """, C("start", "node"));
        var e = Assert.Single(validator.Validate(json).Errors);
        Assert.Equal("$.root.activities[1].body.activities[0].condition", e.Path);
    }
}
