using BenchmarkDotNet.Running;

namespace Skewless.Benchmarks;

/// <summary>
/// Entry point: pick benchmarks with <c>--filter</c>, e.g. <c>--filter '*Serving*'</c>; <c>--paired Class [rounds]</c> runs the
/// noisy-machine cross-check instead; <c>--analyzer-share [sets...]</c> times the analyzers in real builds by csc's
/// /reportanalyzer (issue 4); <c>--analyzer-timing [sets]</c> times each analyzer in process, alone and with the others;
/// <c>--generator-timing [sets...]</c> times the generator in process; <c>--read</c> times the Parquet read and describes the training data.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--paired")
        {
            return PairedRunner.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "--analyzer-share")
        {
            return Analyzers.AnalyzerShare.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "--generator-timing")
        {
            return Analyzers.GeneratorTiming.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "--analyzer-timing")
        {
            return Analyzers.AnalyzerTiming.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "--read")
        {
            return TrainingData.Describe();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
