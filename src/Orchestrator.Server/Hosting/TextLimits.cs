namespace Orchestrator.Server.Hosting;

/// <summary>
/// Upper bounds on the text a user stores, so that no field can carry megabytes (a clerk had stored 25 MB in one task
/// completion). Generous for people: 200 characters is a long title, 4,000 a page and a half of Japanese prose.
/// </summary>
public static class TextLimits
{
    /// <summary>Ids, keys, codes, correlation ids, event names.</summary>
    public const int Identifier = 128;
    public const int Name = 200;
    /// <summary>Descriptions, derivations, a task form's text.</summary>
    public const int Text = 4000;

    public static string? Problem(string? value, int max) =>
        value?.Length > max ? $"{max} 文字以内にしてください (at most {max} characters, {value.Length} given)" : null;

    public static void Check(ICollection<FieldProblem> problems, string path, string? value, int max)
    {
        if (Problem(value, max) is { } message)
            problems.Add(new FieldProblem(path, message));
    }
}
