using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Skewless.Tests.Infrastructure;

/// <summary>Runs the generator over a compilation, loads the result into a collectible context and calls a static method of it.</summary>
internal static class GeneratedAssembly
{
    /// <summary>Calls <c>Probe.Run()</c> of the compiled source and returns what it returns; an exception it throws is rethrown as it is.</summary>
    public static object? RunProbe(Compilation compilation)
    {
        var (output, diagnostics, _) = TestCompilation.Generate(compilation);
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        try
        {
            image.Position = 0;
            var probe = context.LoadFromStream(image).GetType("Probe")!.GetMethod("Run")!;
            try
            {
                return probe.Invoke(null, null);
            }
            catch (TargetInvocationException thrown) when (thrown.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(thrown.InnerException).Throw();
                throw;
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
