using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Orchestrator.E2E.Tests;

/// <summary>The real server in demo mode, with the fake agency systems of fixtures/agencies started in-process.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoAgencyTests(SharedServerFixture fixture) : IClassFixture<SharedServerFixture>
{
    /// <summary>
    /// 転出・転入 to-be: look the resident up at 千代田区, send the move-out certificate data to 豊中市 system to system,
    /// and wait for 豊中市's asynchronous approval (a callback from the agency, correlated by case).
    /// </summary>
    private const string Definition = """
    {
      "definitionId": "e2e-moveout", "name": "転出証明書情報の送付 (E2E)", "version": 1,
      "variables": [ { "id": "resident", "name": "resident", "typeName": "Object", "isArray": false },
                     { "id": "transfer", "name": "transfer", "typeName": "Object", "isArray": false },
                     { "id": "approval", "name": "approval", "typeName": "Object", "isArray": false } ],
      "root": { "type": "Elsa.Flowchart", "id": "flowchart1",
        "activities": [
          { "id": "start", "type": "Elsa.Start", "version": 1 },
          { "id": "lookup", "type": "Orchestrator.AgencyCall", "version": 1,
            "customProperties": { "measurement": { "stepCode": "TT-02", "actorOrgLevel": "System" } },
            "agency": { "typeName": "String", "expression": { "type": "Literal", "value": "juki-chiyoda" } },
            "operation": { "typeName": "String", "expression": { "type": "Literal", "value": "GetResident" } },
            "payload": { "typeName": "Object", "expression": { "type": "Object", "value": { "residentId": "TEST-0001" } } },
            "response": { "typeName": "Object", "memoryReference": { "id": "resident" } } },
          { "id": "send", "type": "Orchestrator.AgencyCall", "version": 1,
            "customProperties": { "measurement": { "stepCode": "TT-03", "actorOrgLevel": "Municipality" } },
            "agency": { "typeName": "String", "expression": { "type": "Literal", "value": "juki-toyonaka" } },
            "operation": { "typeName": "String", "expression": { "type": "Literal", "value": "SendMoveOutCertificate" } },
            "payload": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "({ residentId: variables.resident.residentId, fromMunicipalityCode: '131016' })" } },
            "idempotencyKey": { "typeName": "String", "expression": { "type": "JavaScript", "value": "'moveout-' + getCorrelationId()" } },
            "response": { "typeName": "Object", "memoryReference": { "id": "transfer" } } },
          { "id": "approved", "type": "Elsa.Event", "version": 1,
            "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "MoveoutCertificateApproved" } },
            "result": { "typeName": "Object", "memoryReference": { "id": "approval" } } },
          { "id": "end", "type": "Elsa.End", "version": 1 }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "lookup", "port": "In" } },
          { "source": { "activity": "lookup", "port": "Done" }, "target": { "activity": "send", "port": "In" } },
          { "source": { "activity": "send", "port": "Done" }, "target": { "activity": "approved", "port": "In" } },
          { "source": { "activity": "approved", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
        ] }
    }
    """;

    [Fact]
    public async Task A_workflow_calls_two_fake_agencies_and_finishes_on_the_agency_callback()
    {
        using var api = await fixture.Server.ApiAsync("coordinator");
        (await api.PostAsync("/api/workflow-definitions", new StringContent(Definition, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/workflow-definitions/e2e-moveout/publish", null)).EnsureSuccessStatusCode();

        var started = await api.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "e2e-moveout", correlationId = "CASE-E2E-0001" });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var instance = await WaitForFinishedAsync(api, id!, TimeSpan.FromSeconds(40));
        var variables = instance.GetProperty("variables");
        Assert.Equal("TEST-0001", variables.GetProperty("resident").GetProperty("residentId").GetString());
        Assert.Equal("received", variables.GetProperty("transfer").GetProperty("status").GetString());
        Assert.Equal("approved", variables.GetProperty("approval").GetProperty("payload").GetProperty("status").GetString());

        var journal = (await api.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}/journal")).EnumerateArray().ToArray();
        var lookup = journal.Single(j => j.GetProperty("activityId").GetString() == "lookup").GetProperty("handoff");
        var send = journal.Single(j => j.GetProperty("activityId").GetString() == "send").GetProperty("handoff");
        Assert.Equal("131016", lookup.GetProperty("receiverOrgCode").GetString());
        Assert.Equal("272035", send.GetProperty("receiverOrgCode").GetString());
        Assert.Equal("Municipality", send.GetProperty("senderOrgLevel").GetString());
        Assert.Equal("System", send.GetProperty("channel").GetString());
        Assert.Equal(202, send.GetProperty("statusCode").GetInt32());
        Assert.True(send.GetProperty("latencySeconds").GetDouble() >= 0.3, "the fake answers after 300–800 ms");
    }

    private static async Task<JsonElement> WaitForFinishedAsync(HttpClient api, string id, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        JsonElement instance;
        do
        {
            instance = await api.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}");
            if (instance.GetProperty("instance").GetProperty("status").GetString() == "Finished")
                return instance;
            await Task.Delay(250);
        } while (DateTime.UtcNow < until);
        Assert.Fail($"instance not finished: {instance}");
        return instance;
    }
}
