using System.Globalization;
using Microsoft.AspNetCore.Http;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Faults;

/// <summary>Applies armed faults to Graph requests (not to the dev API, which must keep working to disarm them).</summary>
internal static class FaultMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next, FaultInjector faults)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/v1.0", out var graphPath) || faults.Take(graphPath.Value ?? "/") is not { } rule)
        {
            await next().ConfigureAwait(false);
            return;
        }

        if (rule.DelayMs > 0)
        {
            await Task.Delay(rule.DelayMs, context.RequestAborted).ConfigureAwait(false);
        }

        if (rule.Status is not { } status)
        {
            await next().ConfigureAwait(false);
            return;
        }

        if (rule.RetryAfterSeconds is { } seconds || status == 429)
        {
            context.Response.Headers.RetryAfter = (rule.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture);
        }

        var (code, message) = status switch
        {
            403 => ("ErrorAccessDenied", "Access is denied. Check credentials and try again."),
            404 => ("ResourceNotFound", "Resource could not be discovered."),
            429 => ("TooManyRequests", "Application is over its MailboxConcurrency limit."),
            503 => ("ServiceUnavailable", "Service temporarily unavailable. Try again later."),
            504 => ("GatewayTimeout", "The gateway did not receive a timely response."),
            _ => ("InternalServerError", "Injected fault."),
        };
        await GraphErrors.Create(status, rule.Code ?? code, rule.Message ?? message).ExecuteAsync(context).ConfigureAwait(false);
    }
}
