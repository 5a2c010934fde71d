namespace Orchestrator.Server.Definitions;

/// <summary>Two writers changed the same definition at once and this one gave up after retrying (409).</summary>
public sealed class DefinitionConflictException(string definitionId)
    : Exception($"ワークフロー定義 '{definitionId}' が同時に変更されました。やり直してください (changed concurrently; retry)");
