using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.IssuesRegister;

/// <summary>The 課題・対応策 register: validation, storage and the history of each issue.</summary>
public sealed class IssueRegisterService(AppDbContext db, ProcessSteps steps, TimeProvider time)
{
    public async Task<IReadOnlyList<ReformIssue>> ListAsync(IssueFilter filter, CancellationToken ct)
    {
        var query = db.Set<ReformIssue>().AsNoTracking().Include(i => i.History).AsQueryable();
        if (filter.Kind is { } kind)
            query = query.Where(i => i.Kind == kind);
        if (filter.Status is { } status)
            query = query.Where(i => i.Status == status);
        if (filter.ProcessKey is { } key)
            query = query.Where(i => i.ProcessKey == key);
        var found = await query.ToListAsync(ct);
        if (filter.StepCode is { } step)
            found = found.Where(i => i.StepCodes.Contains(step)).ToList();
        foreach (var issue in found)
            issue.History = issue.History.OrderBy(c => c.At).ThenBy(c => c.Id).ToList();
        return found.OrderBy(i => i.Priority).ThenBy(i => i.Id).ToList();
    }

    public async Task<ReformIssue?> FindAsync(int id, CancellationToken ct) =>
        (await ListAsync(new IssueFilter(), ct)).FirstOrDefault(i => i.Id == id);

    public async Task<IReadOnlyList<FieldProblem>> ValidateAsync(ReformIssueRequest request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        if (request.Kind is null)
            problems.Add(new FieldProblem("$.kind", "区分 (制度・運用・技術・費用) を選んでください (kind is required)"));
        if (string.IsNullOrWhiteSpace(request.Title))
            problems.Add(new FieldProblem("$.title", "件名を入力してください (title is required)"));
        TextLimits.Check(problems, "$.title", request.Title, TextLimits.Name);
        TextLimits.Check(problems, "$.description", request.Description, TextLimits.Text);
        TextLimits.Check(problems, "$.legalBasis", request.LegalBasis, TextLimits.Name);
        TextLimits.Check(problems, "$.countermeasure", request.Countermeasure, TextLimits.Text);
        TextLimits.Check(problems, "$.note", request.Note, TextLimits.Text);
        var codes = request.StepCodes ?? [];
        if (codes.Count > 0 && string.IsNullOrWhiteSpace(request.ProcessKey))
            problems.Add(new FieldProblem("$.processKey", "ステップを選ぶには業務を指定してください (steps need their process)"));
        if (!string.IsNullOrWhiteSpace(request.ProcessKey))
        {
            var known = await steps.OfAsync(request.ProcessKey, ct);
            if (known.Count == 0 && !(await steps.ProcessKeysAsync(ct)).Contains(request.ProcessKey))
                problems.Add(new FieldProblem("$.processKey", $"業務 {request.ProcessKey} のワークフローがありません (unknown process)"));
            else
            {
                for (var i = 0; i < codes.Count; i++)
                {
                    if (!known.Any(s => s.StepCode == codes[i]))
                        problems.Add(new FieldProblem($"$.stepCodes[{i}]", $"ステップ {codes[i]} はこの業務のワークフローにありません (unknown step)"));
                }
            }
        }
        return problems;
    }

    public async Task<ReformIssue> AddAsync(ReformIssueRequest request, string? user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var issue = new ReformIssue { Title = "", CreatedAt = now };
        Apply(issue, request, user, now);
        issue.History.Add(new ReformIssueChange { At = now, By = user, Status = issue.Status, Summary = WithNote("登録", request.Note) });
        db.Add(issue);
        await db.SaveChangesAsync(ct);
        return issue;
    }

    public async Task<ReformIssue?> UpdateAsync(int id, ReformIssueRequest request, string? user, CancellationToken ct)
    {
        var issue = await db.Set<ReformIssue>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
            return null;
        var changes = IssueChanges.Between(issue, request);
        var now = time.GetUtcNow();
        Apply(issue, request, user, now);
        if (changes.Count > 0 || !string.IsNullOrWhiteSpace(request.Note))
        {
            db.Add(new ReformIssueChange
            {
                IssueId = id, At = now, By = user, Status = issue.Status,
                Summary = WithNote(changes.Count == 0 ? "メモ" : string.Join("、", changes), request.Note),
            });
        }
        await db.SaveChangesAsync(ct);
        return await FindAsync(id, ct);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct) =>
        await db.Set<ReformIssue>().Where(i => i.Id == id).ExecuteDeleteAsync(ct) > 0;

    private static void Apply(ReformIssue issue, ReformIssueRequest r, string? user, DateTimeOffset now)
    {
        issue.Kind = r.Kind!.Value;
        issue.Title = r.Title!.Trim();
        issue.Description = Clean(r.Description);
        issue.ProcessKey = Clean(r.ProcessKey);
        issue.StepCodes = (r.StepCodes ?? []).Select(c => c.Trim()).Distinct().ToList();
        issue.LegalBasis = Clean(r.LegalBasis);
        issue.Countermeasure = Clean(r.Countermeasure);
        issue.ActingLevels = (r.ActingLevels ?? []).Distinct().Order().ToList();
        issue.Priority = r.Priority ?? IssuePriority.Medium;
        issue.Status = r.Status ?? IssueStatus.Open;
        issue.UpdatedAt = now;
        issue.UpdatedBy = user;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string WithNote(string summary, string? note) =>
        string.IsNullOrWhiteSpace(note) ? summary : $"{summary}: {note.Trim()}";
}
