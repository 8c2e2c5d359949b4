using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.Switchboard;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing.Webhooks;

/// <summary>
/// POSTs a person's status to one receiver as signed JSON, with the voicemail webhook's scheme
/// (<see cref="Voicemail.WebhookSignature"/>: HMAC over "{timestamp}.{body}"), so an integrator learns one. 2xx is delivered; any other
/// answer, or none within <see cref="Timeout"/>, is retried by the queue with capped, jittered back-off for a day and
/// then becomes a dead letter.
/// </summary>
internal sealed class WebhookPublisher(
    string name,
    WebhookDestinationOptions options,
    IHttpClientFactory http,
    PublishDeliveries deliveries,
    PublishMetrics metrics,
    IOrganisationSource organisation,
    TimeProvider time) : IPublisher
{
    public const string HttpClientName = "publish-webhooks";

    /// <summary>The message's event id, so a receiver can drop a repeat before parsing.</summary>
    public const string EventHeader = "X-PresenceBot-Event";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public WorkKind Kind { get; } = PublishSetup.KindFor(name);

    public bool Covers(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return options.Municipalities.Count == 0 || options.Municipalities.Contains(person.Municipality.Id, StringComparer.OrdinalIgnoreCase);
    }

    public Task PublishAsync(EffectiveStatus status, CancellationToken cancellationToken) => PublishAsync(status, run: null, cancellationToken);

    /// <summary>
    /// Sends the person's status if the receiver does not have it yet. In a queued <paramref name="run"/>, that the receiver
    /// took it is written with the run's completion (a commit less); a run that dies before sends the same message again.
    /// </summary>
    public async Task PublishAsync(EffectiveStatus status, WorkItem? run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var zone = organisation.Current.TimeZone;
        var response = status.ToResponse(zone);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var message = await deliveries.NextAsync(name, status.Person.Id, Fingerprint(response), now, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(PublishedStatus.Of(response, name, message.Sequence, ResponseMapping.Local(message.OccurredAt, zone)), Json);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(Voicemail.WebhookSignature.TimestampHeaderName, timestamp);
        request.Headers.Add(Voicemail.WebhookSignature.HeaderName, Voicemail.WebhookSignature.Sign(timestamp, body, options.Secret!));
        request.Headers.Add(EventHeader, PublishedStatus.EventIdOf(name, status.Person.Id, message.Sequence).ToString());

        using var client = http.CreateClient(HttpClientName);
        using var answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccessStatusCode)
        {
            throw new PublishRefusedException($"{Kind.Name} answered HTTP {(int)answer.StatusCode}");
        }

        var delivered = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (run is null)
        {
            await deliveries.DeliveredAsync(message, delivered, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            run.Record((db, token) => PublishDeliveries.DeliveredAsync(db, message, delivered, token));
        }

        metrics.Delivered(name, (delivered - message.OccurredAt).ToTimeSpan());
    }

    /// <summary>What the receiver is told, without the parts that differ between two sendings of one state.</summary>
    private static string Fingerprint(ReferralStatusResponse response) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(response with { Note = null }, Json)));
}
