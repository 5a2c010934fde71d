using System.Globalization;
using System.Text.RegularExpressions;
using Orchestrator.Engine;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Inventory;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// The platform part of a 実用仕様案: one interface per agency call and per handoff of the workflow, described from
/// the workflow (operation, data sent, where a failure goes), the agency registry (answer now or by callback,
/// retries, authentication) and the inventory (data items, volume).
/// </summary>
public static partial class PlatformInterfaces
{
    public static IReadOnlyList<FlowInterface> Of(WorkflowDefinition definition, AgencyOptions agencies, Procedure? procedure)
    {
        var surveyed = (procedure?.DataFlows ?? []).SelectMany(f => f.Items)
            .GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var perMunicipality = procedure?.VolumePerMunicipality;
        var volume = perMunicipality?.Value is { } perYear
            ? new Volume($"1 団体あたり年間約 {perYear.ToString("N0", CultureInfo.InvariantCulture)} 件 (案件ごとに 1 回)",
                perMunicipality.Basis is { Length: > 0 } basis ? $"{Labels.Source(perMunicipality)} ({basis})" : Labels.Source(perMunicipality))
            : new Volume("案件ごとに 1 回", "—");
        var activities = definition.Root.Activities;
        var connections = definition.Root.Connections;
        var names = activities.ToDictionary(a => a.Id, a => a.Name ?? a.Id, StringComparer.Ordinal);
        var list = new List<FlowInterface>();
        foreach (var activity in activities.OrderBy(a => a.Metadata["designer"]?["position"]?["x"]?.GetValue<double>() ?? 0))
        {
            var name = activity.Name ?? activity.Id;
            var failureTargets = connections.Where(c => c.SourceActivity == activity.Id && c.SourcePort is "Failed" or "Rejected" or "Timeout")
                .Select(c => names.GetValueOrDefault(c.TargetActivity, c.TargetActivity)).Distinct().ToList();
            if (activity.Type == ActivityTypes.AgencyCall)
                list.Add(AgencyCall(activity, name, agencies, surveyed, volume, failureTargets));
            else if (activity.Type == ActivityTypes.Handoff)
                list.Add(Handoff(activity, name, procedure, surveyed, volume));
        }
        return list;
    }

    private static FlowInterface AgencyCall(ActivityModel activity, string name, AgencyOptions agencies, IReadOnlyDictionary<string, DataItem> surveyed,
        Volume volume, IReadOnlyList<string> failureTargets)
    {
        var endpoint = EndpointOf(activity, agencies);
        var measurement = activity.CustomProperties["measurement"];
        var from = $"{Labels.Level(measurement?["actorOrgLevel"]?.GetValue<string>() == "System" ? "Municipality" : measurement?["actorOrgLevel"]?.GetValue<string>())} {measurement?["actorRole"]?.GetValue<string>() ?? "業務システム"}";
        var to = endpoint is null ? "連携先システム" : $"{Labels.Level(endpoint.OrgLevel)} {Labels.Agency(endpoint.Api)}";
        var operation = ProcessFlow.Literal(activity, "operation") ?? "";
        var items = ProcessFlow.PayloadKeys(activity).Select(k => DataItemGlossary.Of(k, surveyed)).ToList();
        var synchronous = endpoint is null || AgencyEvents.Of(endpoint.Api).Count == 0;
        var timeout = ProcessFlow.Literal(activity, "timeout") is { } t && TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) ? span : TimeSpan.FromSeconds(endpoint?.TimeoutSeconds ?? 10);
        var retries = endpoint?.MaxRetries ?? 0;
        var errors = $"応答待ちは {timeout.TotalSeconds:0} 秒まで。通信障害・サーバー側の一時的な誤りは最大 {retries} 回まで再送 (同じ要求を重複して処理しない再送キーを付ける)。"
            + (failureTargets.Count > 0 ? $"拒否・失敗・時間切れのときは「{string.Join("」「", failureTargets)}」へ進む。" : "拒否・失敗・時間切れのときも次のステップへ進む。");
        var security = (endpoint?.CredentialsHeader is { Length: > 0 } ? "連携先が発行する API キーで認証。" : "行政専用網内の連携先に接続 (利用者認証は連携基盤で行う)。")
            + (synchronous ? "" : "後日の結果通知は連携先ごとの共有シークレットで送信元を確認し、その連携先の通知だけを受け付ける。")
            + "個人情報を含むため、通信は暗号化し、送受信の記録を残す。";
        return new FlowInterface(activity.Id, name, from, to, OperationLabel(operation), items, synchronous,
            synchronous ? $"「{name}」の実行時に即時 (要求と応答)" : $"「{name}」の実行時に申請を送り、結果は審査後に連携先から通知", volume.Text, volume.Source, errors, security);
    }

    private static FlowInterface Handoff(ActivityModel activity, string name, Procedure? procedure, IReadOnlyDictionary<string, DataItem> surveyed, Volume volume)
    {
        var fromLevel = ProcessFlow.Literal(activity, "fromOrgLevel");
        var toLevel = ProcessFlow.Literal(activity, "toOrgLevel");
        var channel = ProcessFlow.Literal(activity, "channel");
        var transit = ProcessFlow.Literal(activity, "transitTime") is { } t && TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) ? span : (TimeSpan?)null;
        // The inventory's flow between the same levels names what travels; a system flow is preferred to a paper one.
        var flow = (procedure?.DataFlows ?? [])
            .Where(f => f.FromLevel?.ToString() == fromLevel && f.ToLevel?.ToString() == toLevel)
            .OrderBy(f => f.Means is TransferMeans.SystemInterface or TransferMeans.JukiNet ? 0 : 1).FirstOrDefault();
        var items = flow?.Items.Select(i => new InterfaceItem(i.Name, DataItemGlossary.TypeLabel(i.Type), i.CodeSet)).ToList()
            ?? [new InterfaceItem("案件番号", "文字列", null)];
        var system = channel is null or "System";
        return new FlowInterface(activity.Id, name, Labels.Level(fromLevel), Labels.Level(toLevel), system ? "システム間の送付" : $"{channel} による送付",
            items, false,
            transit is { } time ? $"送付から到着まで最大 {Duration(time)}。到着を受けて次のステップへ進む" : "送付の到着を受けて次のステップへ進む",
            volume.Text, volume.Source, "到着しない送付は引継ぎの一覧で未受領として確認し、再送する。", system ? "行政専用網で送付し、送受信の記録を残す。" : "送付の記録を残す。");
    }

    /// <summary>How often an interface runs, and where the yearly number comes from.</summary>
    private sealed record Volume(string Text, string Source);

    private static string Duration(TimeSpan time) =>
        time.TotalDays >= 1 ? $"{time.TotalDays:0.#} 日" : time.TotalHours >= 1 ? $"{time.TotalHours:0.#} 時間" : $"{time.TotalMinutes:0} 分";

    /// <summary>The agency system an agency call reaches: the first registered name its expression mentions.</summary>
    public static AgencyEndpoint? EndpointOf(ActivityModel activity, AgencyOptions agencies)
    {
        var agencyText = ProcessFlow.ExpressionText(activity, "agency") ?? "";
        return AgencyNames().Matches(agencyText).Select(m => m.Groups[1].Value).Append(agencyText)
            .Select(n => agencies.Systems.GetValueOrDefault(n)).FirstOrDefault(e => e is not null);
    }

    /// <summary>The operations the shipped agency interfaces offer, in Japanese.</summary>
    public static string OperationLabel(string operation) => operation switch
    {
        "GetResident" => "住民記録の照会",
        "SendMoveOutCertificate" => "転出証明書情報の送付",
        "SendDeathNotification" => "死亡の通知",
        "Apply" => "申請の送付",
        "Get" => "審査結果の照会",
        "Register" => "登録の申請",
        "File" => "申告・納付",
        "ConfirmFacts" => "戸籍事項の確認",
        "" => "(実行時に決定)",
        _ => operation,
    };

    [GeneratedRegex("'([a-z0-9-]+)'")]
    private static partial Regex AgencyNames();
}
