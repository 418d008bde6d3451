using System.Diagnostics;
using System.Text;

namespace Skewless.IntegrationTests.Infrastructure;

/// <summary>What a finished (or stopped) <c>dotnet</c> command did.</summary>
internal sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Duration, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The command and its whole output, for an assertion message.</summary>
    public string Describe() =>
        $"`{CommandLine}` in {WorkingDirectory} {(TimedOut ? "was stopped after the time limit" : $"exited with code {ExitCode}")} after {Duration.TotalSeconds:0.0} s. Its output (stdout and stderr):{Environment.NewLine}{Output}";
}

/// <summary>Runs the .NET CLI as a child process, the way a user or CI would, with a time limit.</summary>
internal static class Dotnet
{
    /// <summary>
    /// Set for the test host by the <c>dotnet test</c> (or IDE) that started it, pointing at that one's
    /// MSBuild and SDK. Inherited by a nested build, they make it load those instead of the ones its own
    /// global.json selects, so every child starts without them.
    /// </summary>
    private static readonly string[] LeakingVariables =
    [
        "MSBuildExtensionsPath",
        "MSBuildSDKsPath",
        "MSBUILD_EXE_PATH",
        "MSBuildLoadMicrosoftTargetsReadOnly",
        "_MSBUILDTLENABLED",
    ];

    /// <summary>The <c>dotnet</c> that runs these tests, so children use the same SDK install.</summary>
    private static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and captures stdout and stderr together.</summary>
    /// <param name="workingDirectory">Where to run.</param>
    /// <param name="environment">Variables to set; a <see langword="null"/> value removes one.</param>
    /// <param name="timeout">How long before the command and all its children are stopped.</param>
    /// <param name="arguments">The arguments, each passed as is.</param>
    public static async Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in LeakingVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Messages such as "Build succeeded" in English whatever the machine's language.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // No MSBuild nodes or compiler servers outliving the command, holding its output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        }

        var commandLine = "dotnet " + string.Join(' ', arguments.Select(argument => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument));
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var limit = new CancellationTokenSource(timeout))
        {
            try
            {
                // Returns once the process has exited and its output has been read to the end.
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                // Either the command ran too long, or it exited while something it started still
                // holds its output open; stop whatever is left of it either way.
                timedOut = !process.HasExited;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited meanwhile.
                }

                process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }

        stopwatch.Stop();
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new CommandResult(commandLine, workingDirectory, process.HasExited ? process.ExitCode : -1, timedOut, stopwatch.Elapsed, text);
    }
}
