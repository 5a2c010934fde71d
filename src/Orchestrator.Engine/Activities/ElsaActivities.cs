using System.Text.Json.Nodes;
using static Orchestrator.Engine.BuiltInActivities;

namespace Orchestrator.Engine;

/// <summary>Descriptors of the Elsa 3 activities for HTTP, workflow output, child workflows, loops and scripts, with
/// Elsa's input, output and outcome names.</summary>
internal static class ElsaActivities
{
    static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

    static InputDescriptor[] HttpRequestInputs() =>
    [
        In("url", "Uri", "singleline", "URL", "URL", required: true),
        In("method", "String", "dropdown", "メソッド", "Method", JsonValue.Create("GET"), options: Methods),
        In("content", "Object", "json-editor", "本文", "Content"), In("contentType", "String", "singleline", "Content-Type", "Content type"),
        In("authorization", "String", "singleline", "Authorization", "Authorization"), In("requestHeaders", "Object", "json-editor", "要求ヘッダー", "Request headers"),
    ];

    static readonly OutputDescriptor[] HttpResponseOutputs = [new("statusCode", "Int32"), new("parsedContent", "Object"), new("responseHeaders", "Object")];

    static InputDescriptor[] ChildInputs(bool wait) =>
    [
        In("workflowDefinitionId", "String", "workflow-definition-picker", "ワークフロー定義 ID", "Workflow definition id", required: true),
        In("correlationId", "String", "singleline", "相関 ID", "Correlation id"),
        In("input", "Object", "json-editor", "入力", "Input"),
        In("waitForCompletion", "Boolean", "checkbox", "完了を待つ", "Wait for completion", JsonValue.Create(wait)),
    ];

    public static IEnumerable<ActivityDescriptor> Create()
    {
        yield return D(ActivityTypes.HttpEndpoint, "HTTP", T("HTTP エンドポイント", "HTTP Endpoint"),
            T("パスとメソッドに一致する HTTP 要求を待つ (開始アクティビティなら要求で開始)。", "Waits for an HTTP request that matches the path and methods; starts the workflow when it is the start activity."),
            [In("path", "String", "singleline", "パス", "Path", required: true),
             In("supportedMethods", "String[]", "check-list", "メソッド", "Methods", new JsonArray("GET"), options: Methods),
             In("authorize", "Boolean", "checkbox", "サインイン必須", "Authorize", JsonValue.Create(false)),
             In("policy", "String", "singleline", "必要なロール", "Required role"),
             In("sharedSecret", "String", "singleline", "共有シークレット名", "Shared secret name"),
             In("requestSizeLimit", "Int64", "singleline", "要求サイズ上限 (バイト)", "Request size limit (bytes)")],
            [new("parsedContent", "Object"), new("routeData", "Object"), new("queryStringData", "Object"), new("headers", "Object"), new("result", "Object")]).Trigger();
        yield return D(ActivityTypes.WriteHttpResponse, "HTTP", T("HTTP 応答", "HTTP Response"),
            T("HTTP エンドポイントの要求に応答する。", "Answers the request of the HTTP endpoint."),
            [In("statusCode", "HttpStatusCode", "dropdown", "ステータスコード", "Status code", JsonValue.Create("OK")),
             In("content", "Object", "multiline", "本文", "Content"), In("contentType", "String", "singleline", "Content-Type", "Content type"),
             In("responseHeaders", "Object", "json-editor", "応答ヘッダー", "Response headers")]);
        yield return D(ActivityTypes.SendHttpRequest, "HTTP", T("HTTP 要求 (完了のみ)", "Send HTTP Request"),
            T("HTTP 要求を送り、応答を出力する。", "Sends an HTTP request and outputs the response."),
            [.. HttpRequestInputs()], HttpResponseOutputs).Blocking();

        yield return D(ActivityTypes.SetOutput, "Primitives", T("出力値の設定", "Set Output"), T("ワークフローの出力値を設定する。", "Sets an output of the workflow."),
            [In("outputName", "String", "singleline", "出力名", "Output name", required: true), In("outputValue", "Object", "singleline", "値", "Value")]);
        yield return D(ActivityTypes.Complete, "Primitives", T("結果を返して完了", "Complete"),
            T("ワークフローを指定した結果で完了する (アクティビティとして使われたときのポート)。", "Completes the workflow with outcomes (the ports when it is used as an activity)."),
            [In("outcomes", "String[]", "dynamic-outcomes", "結果", "Outcomes")], outcomes: []);
        yield return D(ActivityTypes.RunJavaScript, "Scripting", T("JavaScript 実行", "Run JavaScript"),
            T("JavaScript を実行する。setOutcome で結果を選べる。", "Runs JavaScript; setOutcome picks the outcome."),
            [In("script", "String", "code-editor", "スクリプト", "Script"), In("possibleOutcomes", "String[]", "dynamic-outcomes", "結果の候補", "Possible outcomes")],
            [new("result", "Object")]).OutcomesFrom("possibleOutcomes");

        yield return D(ActivityTypes.ExecuteWorkflow, "Composition", T("ワークフロー実行", "Execute Workflow"),
            T("別のワークフローを実行し、完了を待つ。", "Runs another workflow and waits for it to complete."), ChildInputs(true), [new("result", "Object")]).Blocking();
        yield return D(ActivityTypes.DispatchWorkflow, "Composition", T("ワークフロー起動", "Dispatch Workflow"),
            T("別のワークフローを開始する (既定では完了を待たない)。", "Starts another workflow (without waiting, by default)."), ChildInputs(false), [new("result", "Object")]).Blocking();

        yield return D(ActivityTypes.ForEach, "Looping", T("繰り返し (各要素)", "For Each"),
            T("各要素について本体を順に実行する。", "Runs the body once for each item, one after the other."),
            [In("items", "Object", "json-editor", "要素", "Items", required: true)], [new("currentValue", "Object")]).WithBody();
        yield return D(ActivityTypes.ParallelForEach, "Looping", T("並列繰り返し", "Parallel For Each"),
            T("各要素について本体を並列に実行し、すべて終わると完了する。", "Runs the body for every item in parallel and completes when all have."),
            [In("items", "Object", "json-editor", "要素", "Items", required: true)], [new("currentValue", "Object")]).WithBody();
        yield return D(ActivityTypes.While, "Looping", T("条件付き繰り返し", "While"),
            T("条件が真の間、本体を繰り返す。", "Runs the body while the condition is true."),
            [In("condition", "Boolean", "singleline", "条件", "Condition", required: true)]).WithBody();
    }
}
