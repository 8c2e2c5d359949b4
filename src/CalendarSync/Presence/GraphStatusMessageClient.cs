using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Presence.SetStatusMessage;
using NodaTime;
using NodaTime.Text;
using PresenceBot.CalendarSync.Graph;

namespace PresenceBot.CalendarSync.Presence;

/// <summary>
/// Graph's <c>/users/{id}/presence</c> and <c>setStatusMessage</c>, through the app's one Graph client (its retry
/// handler honours Retry-After). The expiry is sent in UTC.
/// </summary>
internal sealed class GraphStatusMessageClient(GraphClientProvider graph) : IStatusMessageClient
{
    private static readonly LocalDateTimePattern GraphDateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF");

    public async Task<string?> GetTextAsync(string personId, CancellationToken cancellationToken)
    {
        var presence = await graph.Client.Users[personId].Presence.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return presence?.StatusMessage?.Message?.Content is { Length: > 0 } text ? text : null;
    }

    public Task SetAsync(string personId, StatusMessage? message, CancellationToken cancellationToken) =>
        graph.Client.Users[personId].Presence.SetStatusMessage.PostAsync(
            new SetStatusMessagePostRequestBody
            {
                StatusMessage = new PresenceStatusMessage
                {
                    // An empty message is how Graph clears one.
                    Message = new ItemBody { Content = message?.Text ?? "", ContentType = BodyType.Text },
                    ExpiryDateTime = message?.ExpiresAt is { } expiry
                        ? new DateTimeTimeZone { DateTime = GraphDateTime.Format(expiry.InUtc().LocalDateTime), TimeZone = "UTC" }
                        : null,
                },
            },
            cancellationToken: cancellationToken);
}
