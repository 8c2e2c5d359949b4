using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/PresenceBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point; BenchmarkDotNet picks the benchmarks by --filter.</summary>
public partial class Program;
