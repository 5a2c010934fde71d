namespace Orchestrator.Server.Pilots;

/// <summary>A case of a process's case file, offered as the input of a test run (every column, as text).</summary>
public sealed record SampleCaseView(string ProcessKey, string File, IReadOnlyDictionary<string, string> Input);
