namespace Skewless.Cli;

/// <summary>The <c>skewless</c> tool's entry point.</summary>
public static class Program
{
    /// <summary>Runs one command; see <see cref="Commands.Usage"/>.</summary>
    /// <returns>0 when nothing crossed a threshold, 1 when something did, 2 for bad input.</returns>
    public static int Main(string[] args) => Commands.Run(args, Console.Out, Console.Error);
}
