using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PresenceBot.LoadRun;

/// <summary>
/// The built PresenceBot service as a child process on a free loopback port, with its own SQLite file.
/// Disposing kills it (and anything it started) and keeps the tail of its output for failure reports.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private const int OutputLinesKept = 40;

    /// <summary>
    /// A file to append the child's whole output to, for finding where a run's time went (warnings, retries); unset,
    /// only the tail is kept.
    /// </summary>
    private static readonly string? OutputFile = Environment.GetEnvironmentVariable("PRESENCEBOT_LOADRUN_SERVICE_LOG");

    /// <summary>Open for the run (a line-at-a-time open and close would cost the measured machine more than the log).</summary>
    private static readonly Lazy<StreamWriter?> OutputWriter = new(() => OutputFile is null ? null : new StreamWriter(OutputFile, append: true) { AutoFlush = true });
    private readonly ProcessStartInfo _start;
    private readonly Queue<string> _output = new();
    private Process _process = null!;

    private ServiceProcess(ProcessStartInfo start, Uri baseAddress)
    {
        _start = start;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ServiceProcess Start(string serviceDll, string organisationFile, string databaseFile, string apiKey, IEnumerable<string> extraArgs) =>
        Start(serviceDll, organisationFile, ["--Storage:Provider=Sqlite", $"--ConnectionStrings:PresenceBot=Data Source={databaseFile}"], apiKey, extraArgs);

    /// <summary>The service with the given storage settings (<c>--Storage:Provider=Postgres</c> and its connection string).</summary>
    public static ServiceProcess Start(string serviceDll, string organisationFile, IReadOnlyList<string> storageArgs, string apiKey, IEnumerable<string> extraArgs)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            // The service reads appsettings.json from its content root: run it from its own folder.
            WorkingDirectory = Path.GetDirectoryName(serviceDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serviceDll);
        start.ArgumentList.Add($"--Urls={baseAddress.GetLeftPart(UriPartial.Authority)}");
        start.ArgumentList.Add($"--Organisation:File={organisationFile}");
        foreach (var arg in storageArgs)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add($"--Switchboard:ApiKeys:load-run={apiKey}");
        // Production settings on loopback, but with the Bot Framework channel anonymous (the load client has no
        // channel tokens): an explicit opt-out of the production start-up check, which the service logs as a warning.
        start.ArgumentList.Add("--Security:AllowInsecure=true");
        foreach (var arg in extraArgs)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        return Launch(start, baseAddress);
    }

    /// <summary>
    /// The floor to compare the webhook with: this program's <c>bare-endpoint</c> mode, a bare Kestrel app that reads
    /// each POST's body and answers 202, in a process of its own like the service.
    /// </summary>
    public static ServiceProcess StartBareEndpoint()
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add("bare-endpoint");
        start.ArgumentList.Add(baseAddress.GetLeftPart(UriPartial.Authority));
        return Launch(start, baseAddress);
    }

    private static ServiceProcess Launch(ProcessStartInfo start, Uri baseAddress)
    {
        var service = new ServiceProcess(start, baseAddress);
        service.Run();
        return service;
    }

    /// <summary>SIGKILL, as a crash or a lost machine: nothing is handed back, connections are dropped by the kernel.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
        Keep("---- killed ----");
    }

    /// <summary>Starts the same command again, on the same port.</summary>
    public void Restart()
    {
        _process.Dispose();
        Run();
    }

    private void Run()
    {
        var process = Process.Start(_start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>VmRSS and VmHWM (peak resident) of the child, in MB, from /proc/&lt;pid&gt;/status.</summary>
    public (double RssMb, double PeakMb) Memory()
    {
        double rss = double.NaN, hwm = double.NaN;
        foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line) / 1024.0;
            }
        }

        return (rss, hwm);
    }

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
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

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            OutputWriter.Value?.WriteLine(line);

            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }
}
