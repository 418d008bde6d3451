using BenchmarkDotNet.Running;

namespace Skewless.Benchmarks;

/// <summary>Entry point: pick benchmarks with <c>--filter</c>, e.g. <c>--filter '*Serving*'</c>; <c>--paired</c> runs the noisy-machine cross-check instead.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--paired")
        {
            return PairedRunner.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
