using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PresenceBot.Tests.Hosting;

/// <summary>
/// The built service as an OS process of its own on a fixed loopback port, so it can be killed with SIGKILL (no
/// shutdown, no finally blocks: a crash or an OOM kill) and started again where Graph and the test know it. The tail of
/// its output is kept for failure messages. The one way tests run the service as a process (two instances, a kill
/// mid-delivery).
/// </summary>
public sealed class ServiceInstance : IAsyncDisposable
{
    private const int OutputLinesKept = 60;
    private readonly string _name;
    private readonly IReadOnlyList<string> _args;
    private readonly string _environment;
    private readonly Queue<string> _output = new();
    private Process? _process;

    private ServiceInstance(string name, int port, IReadOnlyList<string> args, string environment)
    {
        _name = name;
        _args = args;
        _environment = environment;
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
    }

    public Uri BaseAddress { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Starts <c>PresenceBot.dll</c> of this build configuration with <paramref name="args"/> (configuration keys) in
    /// <paramref name="environment"/> (Development: the built-in Graph stand-in and no key requirements).
    /// </summary>
    public static ServiceInstance Start(string name, IReadOnlyList<string> args, string environment = "Production")
    {
        var instance = new ServiceInstance(name, FreeLoopbackPort(), args, environment);
        instance.Launch();
        return instance;
    }

    /// <summary>src/PresenceBot/bin/{configuration}/net10.0/PresenceBot.dll, found from this test assembly's folder.</summary>
    public static string ServiceDll()
    {
        // tests/PresenceBot.Tests/bin/<configuration>/net10.0 → the repository root holds PresenceBot.sln.
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PresenceBot.sln")))
            {
                return Path.Combine(dir.FullName, "src", "PresenceBot", "bin", configuration, "net10.0", "PresenceBot.dll");
            }
        }

        throw new InvalidOperationException("The repository root (PresenceBot.sln) was not found above " + here.FullName);
    }

    /// <summary>SIGKILL: no shutdown, no released claims, connections dropped by the kernel.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        Keep($"---- {_name} killed ----");
    }

    public void Restart()
    {
        _process?.Dispose();
        Launch();
    }

    /// <summary>Waits (bounded) until <c>/readyz</c> answers 200; fails with the output tail if the process exits.</summary>
    public async Task WaitReadyAsync(HttpClient client, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{_name} exited during start-up:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "readyz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{_name} was not ready within {limit}:{Environment.NewLine}{OutputTail()}");
    }

    public string OutputTail()
    {
        lock (_output)
        {
            var text = new StringBuilder();
            foreach (var line in _output)
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Launch()
    {
        var dll = ServiceDll();
        var start = new ProcessStartInfo("dotnet")
        {
            // The service reads appsettings.json from its content root: run it from its own folder.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--Urls={BaseAddress.GetLeftPart(UriPartial.Authority)}");
        foreach (var arg in _args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = _environment;
        start.Environment["DOTNET_ENVIRONMENT"] = _environment;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue($"[{_name}] {line}");
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
