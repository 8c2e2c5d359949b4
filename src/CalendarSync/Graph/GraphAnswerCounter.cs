namespace PresenceBot.CalendarSync.Graph;

/// <summary>The innermost handler of the Graph client: sees every attempt (the retry handler sits outside it) and counts its answer.</summary>
internal sealed class GraphAnswerCounter(GraphMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.Answered((int)response.StatusCode);
            return response;
        }
        catch (HttpRequestException ex)
        {
            metrics.NoAnswer(ex);
            throw;
        }
    }
}
