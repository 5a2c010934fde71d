using Xunit.Abstractions;
using Xunit.Sdk;

namespace Orchestrator.Server.Tests;

/// <summary>A test class that runs on PostgreSQL (a contract suite's second half, the multi-node tests).</summary>
public interface IPostgresTests;

/// <summary>
/// A fact of a contract suite that runs against both stores. On a class marked <see cref="IPostgresTests"/> it is
/// skipped, with the reason, when no PostgreSQL server is given outside CI (<see cref="PostgresTestServer.SkipReason"/>).
/// </summary>
[XunitTestCaseDiscoverer("Orchestrator.Server.Tests.StoreFactDiscoverer", "Orchestrator.Server.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        typeof(IPostgresTests).IsAssignableFrom(method.TestClass.Class.ToRuntimeType()) && PostgresTestServer.SkipReason is not null
            ? new PostgresTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method)
            : base.CreateTestCase(options, method, attribute);
}

/// <summary>A PostgreSQL test that cannot run here: skipped with <see cref="PostgresTestServer.SkipReason"/>.</summary>
public sealed class PostgresTestCase : XunitTestCase
{
    [Obsolete("For deserialization only")]
    public PostgresTestCase() { }

    public PostgresTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method) { }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => PostgresTestServer.SkipReason ?? "";
}
