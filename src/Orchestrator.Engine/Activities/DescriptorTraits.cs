namespace Orchestrator.Engine;

/// <summary>
/// The traits the built-in descriptor lists set on a descriptor, as calls: a <c>with { … }</c> after a call that spans
/// several lines is laid out on a line of its own by the formatter, which reads worse in those long lists.
/// </summary>
internal static class DescriptorTraits
{
    internal static ActivityDescriptor Blocking(this ActivityDescriptor descriptor) => descriptor with { IsBlocking = true };

    /// <summary>Blocking, and starts a workflow when it is the start activity.</summary>
    internal static ActivityDescriptor Trigger(this ActivityDescriptor descriptor) => descriptor with { IsBlocking = true, IsTrigger = true };

    internal static ActivityDescriptor Container(this ActivityDescriptor descriptor) => descriptor with { IsContainer = true };

    internal static ActivityDescriptor WithBody(this ActivityDescriptor descriptor) => descriptor with { HasBody = true };

    /// <summary>The outcomes are the values of the named input.</summary>
    internal static ActivityDescriptor OutcomesFrom(this ActivityDescriptor descriptor, string input) => descriptor with { DynamicOutcomesInput = input };
}
