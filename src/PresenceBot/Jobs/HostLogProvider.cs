using Hangfire.Logging;

namespace PresenceBot.Jobs;

/// <summary>
/// Hangfire's logging to this host's <see cref="ILoggerFactory"/>. Hangfire keeps its log provider in a
/// process-wide static, so when several hosts share a process (the tests) a host may log through another
/// one's factory after that host has stopped; such lines are dropped instead of failing the job.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name) => new HostLog(loggers, name);

    private sealed class HostLog(ILoggerFactory loggers, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var logger = loggers.CreateLogger(name);
                var level = Map(logLevel);
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                if (logger.IsEnabled(level))
                {
#pragma warning disable CA1848, CA2254 // Hangfire hands us finished text; there is no template to generate for.
                    logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static Microsoft.Extensions.Logging.LogLevel Map(Hangfire.Logging.LogLevel level) => level switch
        {
            Hangfire.Logging.LogLevel.Trace => Microsoft.Extensions.Logging.LogLevel.Trace,
            Hangfire.Logging.LogLevel.Debug => Microsoft.Extensions.Logging.LogLevel.Debug,
            Hangfire.Logging.LogLevel.Info => Microsoft.Extensions.Logging.LogLevel.Information,
            Hangfire.Logging.LogLevel.Warn => Microsoft.Extensions.Logging.LogLevel.Warning,
            Hangfire.Logging.LogLevel.Error => Microsoft.Extensions.Logging.LogLevel.Error,
            _ => Microsoft.Extensions.Logging.LogLevel.Critical,
        };
    }
}
