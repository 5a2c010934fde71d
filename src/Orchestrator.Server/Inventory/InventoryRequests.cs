using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory;

/// <summary>Reading JSON bodies of the inventory API; unreadable JSON or text is a 400 with the path where it broke.</summary>
public static class InventoryRequests
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var text = await RequestBody.ReadTextAsync(request, InventoryLimits.JsonBytes, ct);
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            UnreadableTextException.ThrowIfAny(node, "$");
            var body = node.Deserialize<T>(CatalogueJson.Options);
            return body is null ? (null, Unreadable("$", "JSON オブジェクトが必要です (a JSON object is required)")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Unreadable(e.Path ?? "$", e.Message));
        }
    }

    public static IResult Invalid(string title, IEnumerable<FieldProblem> problems) => Problems.Validation(title, problems);

    public static IResult ProcedureProblems(IEnumerable<CatalogueProblem> problems) =>
        Problems.Validation("手続の内容に誤りがあります (invalid procedure)", problems.Select(p => new FieldProblem(p.Site.JsonPath("$"), p.Message)));

    public static IResult NotFound(string what) => Problems.Status(StatusCodes.Status404NotFound, what);

    private static IResult Unreadable(string path, string message) =>
        Problems.Validation("JSON を読み取れません (unreadable JSON)", [new FieldProblem(path, message)]);
}
