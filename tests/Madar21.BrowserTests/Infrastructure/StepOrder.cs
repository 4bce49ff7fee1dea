using Xunit.Abstractions;
using Xunit.Sdk;

namespace Madar21.BrowserTests.Infrastructure;

/// <summary>The place of a test in its class's run: the editor approves the comment the commenter left.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}

/// <summary>Runs a class's tests in the order of their <see cref="StepAttribute"/>.</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string TypeName = "Madar21.BrowserTests.Infrastructure.StepOrderer";
    public const string AssemblyName = "Madar21.BrowserTests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(test => test.TestMethod.Method
            .GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName)
            .Select(step => (int)step.GetConstructorArguments().First())
            .DefaultIfEmpty(int.MaxValue)
            .First());
}
