namespace Orchestrator.Server.Hosting;

public enum StoreKind { Sqlite, PostgreSql }
