using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Descriptors of every activity the engine runs (docs/engine.md, docs/elsa-interop.md).</summary>
internal static class BuiltInActivities
{
    internal static LocalizedText T(string ja, string en) => new(ja, en);

    internal static InputDescriptor In(string name, string type, string hint, string ja, string en, JsonNode? def = null, bool required = false, IReadOnlyList<string>? options = null)
        => new(name, type, hint, T(ja, en), def, required, options);

    internal static ActivityDescriptor D(string type, string category, LocalizedText name, LocalizedText description,
        InputDescriptor[]? inputs = null, OutputDescriptor[]? outputs = null, string[]? outcomes = null)
        => new(type, category, name, description, inputs ?? [], outputs ?? [], outcomes ?? ["Done"]);

    static readonly string[] OrgLevels = ["Municipality", "Prefecture", "National", "Resident", "System"];

    public static IEnumerable<ActivityDescriptor> Create()
    {
        yield return D(ActivityTypes.Start, "Flow", T("開始", "Start"), T("ワークフローの開始点。", "The workflow's entry point."));
        yield return D(ActivityTypes.End, "Flow", T("終了", "End"),
            T("フローチャートを直ちに完了し、待機中の分岐を取り消す。", "Completes the flowchart at once, cancelling pending branches."), outcomes: []);
        yield return D(ActivityTypes.Finish, "Flow", T("完了", "Finish"),
            T("ワークフローインスタンスを完了する。", "Finishes the workflow instance."), outcomes: []);
        yield return D(ActivityTypes.WriteLine, "Primitives", T("出力", "Write Line"), T("1 行のテキストを出力する。", "Writes a line of text to the output."),
            [In("text", "String", "singleline", "テキスト", "Text")]);
        yield return D(ActivityTypes.SetVariable, "Primitives", T("変数の設定", "Set Variable"), T("変数に値を設定する。", "Assigns a value to a variable."),
            [In("variable", "Variable", "variable-picker", "変数", "Variable", required: true), In("value", "Object", "singleline", "値", "Value")]);
        yield return D(ActivityTypes.SetName, "Primitives", T("名前の設定", "Set Name"), T("インスタンスの名前を設定する。", "Sets the instance name."),
            [In("value", "String", "singleline", "名前", "Name")]);
        yield return D(ActivityTypes.Correlate, "Primitives", T("相関 ID の設定", "Correlate"), T("インスタンスの相関 ID を設定する。", "Sets the instance correlation id."),
            [In("correlationId", "String", "singleline", "相関 ID", "Correlation id", required: true)]);
        yield return D(ActivityTypes.FlowDecision, "Branching", T("判断", "Decision"), T("条件により True / False に分岐する。", "Branches on a condition to True or False."),
            [In("condition", "Boolean", "singleline", "条件", "Condition", required: true)], outcomes: ["True", "False"]);
        yield return D(ActivityTypes.FlowSwitch, "Branching", T("多分岐", "Switch"),
            T("条件に一致したケースのポートに進む。一致なしは Default。", "Follows the port of the matching case, or Default."),
            [In("cases", "FlowSwitchCase[]", "switch-editor", "ケース", "Cases"),
             In("mode", "SwitchMode", "dropdown", "一致方法", "Mode", JsonValue.Create("MatchFirst"), options: ["MatchFirst", "MatchAny"])],
            outcomes: ["Default"]).OutcomesFrom("cases");
        yield return D(ActivityTypes.FlowFork, "Branching", T("並列分岐", "Fork"), T("各ブランチを並列に開始する。", "Starts every branch in parallel."),
            [In("branches", "String[]", "dynamic-outcomes", "ブランチ", "Branches")], outcomes: []).OutcomesFrom("branches");
        yield return D(ActivityTypes.FlowJoin, "Branching", T("合流", "Join"),
            T("並列ブランチを待ち合わせる (WaitAny / WaitAll / WaitAllActive)。", "Joins parallel branches (WaitAny, WaitAll, WaitAllActive)."),
            [In("mode", "FlowJoinMode", "dropdown", "待ち合わせ方法", "Mode", JsonValue.Create("WaitAny"), options: ["WaitAny", "WaitAll", "WaitAllActive"])]);
        yield return D(ActivityTypes.FlowNode, "Flow", T("サブフロー", "Flow Node"), T("入れ子のフローチャート。", "A nested flowchart.")).Container();
        yield return D(ActivityTypes.Flowchart, "Flow", T("フローチャート", "Flowchart"), T("アクティビティと接続の集まり。", "Activities and their connections.")).Container();
        yield return D(ActivityTypes.Delay, "Scheduling", T("待機", "Delay"), T("指定した時間だけ待つ。", "Waits for a time span."),
            [In("timeSpan", "TimeSpan", "singleline", "待機時間", "Time span", required: true)]).Blocking();
        yield return D(ActivityTypes.Timer, "Scheduling", T("タイマー", "Timer"),
            T("一定間隔で起動する。開始アクティビティならトリガー。", "Fires at an interval; a trigger when it starts the workflow."),
            [In("interval", "TimeSpan", "singleline", "間隔", "Interval", required: true)]).Trigger();
        yield return D(ActivityTypes.Cron, "Scheduling", T("Cron", "Cron"),
            T("Cron 式 (秒を含む 6 項目も可) の時刻に起動する。", "Fires on a cron schedule (6 fields with seconds allowed)."),
            [In("cronExpression", "String", "singleline", "Cron 式", "Cron expression", required: true)]).Trigger();
        yield return D(ActivityTypes.StartAt, "Scheduling", T("指定日時に開始", "Start At"), T("指定した日時まで待つ。", "Waits until a point in time."),
            [In("dateTime", "DateTimeOffset", "datetime-picker", "日時", "Date and time", required: true)]).Blocking();
        yield return D(ActivityTypes.Event, "Events", T("イベント待ち", "Event"), T("名前付きイベントの発生を待つ。", "Waits for a named event."),
            [In("eventName", "String", "singleline", "イベント名", "Event name", required: true)], [new("result", "Object")]).Blocking();
        yield return D(ActivityTypes.PublishEvent, "Events", T("イベント発行", "Publish Event"), T("名前付きイベントを発行する。", "Publishes a named event."),
            [In("eventName", "String", "singleline", "イベント名", "Event name", required: true), In("correlationId", "String", "singleline", "相関 ID", "Correlation id"),
             In("payload", "Object", "json-editor", "ペイロード", "Payload"), In("isLocal", "Boolean", "checkbox", "インスタンス内のみ", "Local", JsonValue.Create(false))]);
        yield return D(ActivityTypes.RunTask, "Tasks", T("タスク実行", "Run Task"), T("外部でタスクを実行し、結果を待つ。", "Requests a task to be run elsewhere and waits for its result."),
            [In("taskName", "String", "singleline", "タスク名", "Task name", required: true), In("payload", "Object", "json-editor", "ペイロード", "Payload")],
            [new("result", "Object")]).Blocking();
        yield return D(ActivityTypes.Fault, "Primitives", T("障害", "Fault"), T("メッセージ付きでワークフローを障害にする。", "Faults the workflow with a message."),
            [In("message", "String", "singleline", "メッセージ", "Message"), In("code", "String", "singleline", "コード", "Code")], outcomes: []);
        yield return D(ActivityTypes.FlowSendHttpRequest, "HTTP", T("HTTP 要求", "Send HTTP Request"),
            T("HTTP 要求を送り、ステータスコードで分岐する。", "Sends an HTTP request and branches on the status code."),
            [In("url", "Uri", "singleline", "URL", "URL", required: true), In("method", "String", "dropdown", "メソッド", "Method", JsonValue.Create("GET"), options: ["GET", "POST", "PUT", "PATCH", "DELETE"]),
             In("content", "Object", "json-editor", "本文", "Content"), In("contentType", "String", "singleline", "Content-Type", "Content type"),
             In("authorization", "String", "singleline", "Authorization", "Authorization"), In("requestHeaders", "Object", "json-editor", "要求ヘッダー", "Request headers"),
             In("expectedStatusCodes", "Int32[]", "multi-text", "想定ステータスコード", "Expected status codes")],
            [new("statusCode", "Int32"), new("parsedContent", "Object"), new("responseHeaders", "Object")],
            ["Unmatched status code", "Failed to connect", "Timeout"]).OutcomesFrom("expectedStatusCodes").Blocking();

        foreach (var d in ElsaActivities.Create()) yield return d;

        yield return D(ActivityTypes.HumanTask, "Orchestrator", T("人手タスク", "Human Task"),
            T("職員の受信箱に入るタスク。結果ごとにポートを持つ。", "A clerk's task in the inbox; one port per outcome."),
            [In("title", "String", "singleline", "件名", "Title", required: true), In("instructions", "String", "multiline", "指示", "Instructions"),
             In("assigneeOrgLevel", "String", "dropdown", "担当組織レベル", "Assignee org level", options: OrgLevels),
             In("assigneeOrgCode", "String", "singleline", "担当組織コード", "Assignee org code"),
             In("assigneeRole", "String", "singleline", "担当役割", "Assignee role"),
             In("formFields", "Object", "json-editor", "入力項目", "Form fields"),
             In("outcomes", "Object", "dynamic-outcomes", "結果", "Outcomes", new JsonArray("Done")),
             In("dueIn", "TimeSpan", "singleline", "期限", "Due in")],
            [new("result", "Object"), new("outcome", "String")], []).OutcomesFrom("outcomes").Blocking();
        yield return D(ActivityTypes.AgencyCall, "Orchestrator", T("機関連携呼出し", "Agency Call"),
            T("連携基盤を通じて登録済み機関システムを呼び出す。", "Calls a registered agency system through the integration layer."),
            [In("agency", "String", "singleline", "機関", "Agency", required: true), In("operation", "String", "singleline", "操作", "Operation", required: true),
             In("payload", "Object", "json-editor", "ペイロード", "Payload"), In("idempotencyKey", "String", "singleline", "冪等キー", "Idempotency key"),
             In("timeout", "TimeSpan", "singleline", "タイムアウト", "Timeout")],
            [new("response", "Object"), new("statusCode", "Int32")], ["Done", "Rejected", "Failed", "Timeout"]).Blocking();
        yield return D(ActivityTypes.Handoff, "Orchestrator", T("組織間の引継ぎ", "Handoff"),
            T("紙・FAX・郵送・システムによる組織間の引継ぎ。受領で完了。", "A transfer between organisations by paper, fax, mail or system; completes on receipt."),
            [In("fromOrgLevel", "String", "dropdown", "送付元レベル", "From org level", options: OrgLevels), In("fromOrgCode", "String", "singleline", "送付元コード", "From org code"),
             In("toOrgLevel", "String", "dropdown", "送付先レベル", "To org level", options: OrgLevels), In("toOrgCode", "String", "singleline", "送付先コード", "To org code"),
             In("channel", "String", "dropdown", "手段", "Channel", JsonValue.Create("System"), options: ["System", "Paper", "Fax", "Mail"]),
             In("transitTime", "TimeSpan", "singleline", "所要時間", "Transit time")],
            [new("receivedAt", "DateTimeOffset")]).Blocking();
    }
}
