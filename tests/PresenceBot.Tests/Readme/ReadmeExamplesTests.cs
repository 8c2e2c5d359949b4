using System.Diagnostics;
using System.Text;
using PresenceBot.Tests.Calendar;
using PresenceBot.Tests.Manifest;

namespace PresenceBot.Tests.Readme;

/// <summary>
/// The README's shell examples that are marked runnable (a fence opened with <c>```sh runnable</c>) run as written, with
/// bash and curl, against the real host and its built-in Graph stand-in on loopback — so they can't rot. Only the two
/// fixed addresses are swapped for the test host's own ports (<c>localhost:5080</c>, <c>127.0.0.1:5081</c>), and the
/// host's clock is set to now, since the examples compute their times with <c>date</c>. A line <c># → text</c> says
/// what the block prints: each must appear in its output, in order. Any HTTP error fails the block (curl --fail).
/// </summary>
public sealed class ReadmeExamplesTests
{
    private const string Marker = "```sh runnable";
    private const string Prints = "# → ";

    [Fact]
    public void Readme_MarksTheApiTheCalendarAndTheVoicemailExamplesRunnable()
    {
        var blocks = RunnableBlocks(File.ReadAllText(RepositoryFiles.Path("README.md")));

        Assert.Contains(blocks, b => b.Script.Contains("/manual", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Script.Contains("/dev/users/", StringComparison.Ordinal) && b.Script.Contains("/events", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Script.Contains("/messages", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Script.Contains("/api/messages", StringComparison.Ordinal));
        Assert.All(blocks, b => Assert.DoesNotMatch(@"20\d\d-\d\d-\d\dT", b.Script));
    }

    [Fact]
    public async Task RunnableExamples_RunAsWrittenAndPrintWhatTheReadmeSays()
    {
        var blocks = RunnableBlocks(File.ReadAllText(RepositoryFiles.Path("README.md")));
        await using var host = await CalendarTestHost.StartAsync(now: TimeProvider.System.GetUtcNow());
        var service = host.Client.BaseAddress!;
        var graph = host.Graph.BaseUrl;

        foreach (var block in blocks)
        {
            var script = block.Script
                .Replace("localhost:5080", $"127.0.0.1:{service.Port}", StringComparison.Ordinal)
                .Replace("127.0.0.1:5081", $"127.0.0.1:{graph.Port}", StringComparison.Ordinal);
            var (exitCode, output) = await RunBashAsync(script);

            Assert.True(exitCode == 0, $"The README block at line {block.Line} exited with {exitCode}:\n{output}");
            var at = 0;
            foreach (var expected in block.Prints)
            {
                var found = output.IndexOf(expected, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"The README block at line {block.Line} should print \"{expected}\" (after what came before), but printed:\n{output}");
                at = found + expected.Length;
            }
        }
    }

    /// <summary>The runnable blocks, in order, with their indentation (inside a list) removed.</summary>
    private static List<ReadmeBlock> RunnableBlocks(string readme)
    {
        var blocks = new List<ReadmeBlock>();
        var lines = readme.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != Marker)
            {
                continue;
            }

            var indent = lines[i].Length - lines[i].TrimStart().Length;
            var script = new StringBuilder();
            var prints = new List<string>();
            var start = i + 1;
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                var line = lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart();
                script.Append(line).Append('\n');
                if (line.TrimStart().StartsWith(Prints, StringComparison.Ordinal))
                {
                    prints.Add(line.TrimStart()[Prints.Length..].TrimEnd());
                }
            }

            blocks.Add(new ReadmeBlock(start, script.ToString(), prints));
        }

        Assert.NotEmpty(blocks);
        return blocks;
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string script)
    {
        // Every curl fails the block on an HTTP error and gives up on a host that does not answer.
        const string Prelude = "set -euo pipefail\ncurl() { command curl --fail-with-body --max-time 20 \"$@\"; }\n";
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(Prelude + script);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after 90 s\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }

    private sealed record ReadmeBlock(int Line, string Script, IReadOnlyList<string> Prints);
}
