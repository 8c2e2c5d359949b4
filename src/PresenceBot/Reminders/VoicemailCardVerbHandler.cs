using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using PresenceBot.Bot;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Reminders;

/// <summary>The voicemail reminder card's buttons: "Markera som avlyssnad" and "Påminn om en timme".</summary>
internal sealed class VoicemailCardVerbHandler(
    IVoicemailLedger ledger, IOrganisationSource organisation, IOptions<RemindersOptions> options, TimeProvider time) : ICardVerbHandler
{
    public bool Handles(string verb) => verb is VoicemailVerbs.Heard or VoicemailVerbs.Snooze or VoicemailVerbs.Show;

    public async Task<BotMessage> HandleAsync(Person person, CardSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(submission);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (submission.Verb == VoicemailVerbs.Show)
        {
            return await ShowAsync(person, now, cancellationToken).ConfigureAwait(false);
        }

        if (submission.Verb == VoicemailVerbs.Snooze)
        {
            var until = now + Duration.FromTimeSpan(options.Value.VoicemailSnooze);
            await ledger.SnoozeAsync(person.Id, until, cancellationToken).ConfigureAwait(false);
            return BotMessage.FromText($"Du påminns igen klockan {SwedishTime.Clock(until, organisation.Current.TimeZone)}.");
        }

        var unheard = (await ledger.ForPersonAsync(person.Id, cancellationToken).ConfigureAwait(false)).Unheard;
        var upTo = UpTo(submission.Data) ?? now;
        var ids = unheard.Where(m => m.ReceivedAt <= upTo).Select(m => m.Id).ToList();
        var marked = ids.Count == 0 ? 0 : await ledger.MarkHeardAsync(person.Id, ids, now, cancellationToken).ConfigureAwait(false);
        var left = unheard.Count - marked;
        return BotMessage.FromText(left > 0
            ? $"Markerat som avlyssnat. {left} nyare meddelande{(left == 1 ? "" : "n")} väntar fortfarande."
            : "Markerat som avlyssnat.");
    }

    /// <summary>"/röstbrevlåda": what is unheard, as the digest card with its two buttons, or that nothing is.</summary>
    private async Task<BotMessage> ShowAsync(Person person, Instant now, CancellationToken cancellationToken)
    {
        var voicemails = await ledger.ForPersonAsync(person.Id, cancellationToken).ConfigureAwait(false);
        if (voicemails.Unheard.Count == 0)
        {
            return BotMessage.FromText("Du har inga olyssnade röstmeddelanden.");
        }

        var listing = VoicemailReminderMessages.Compose(
            person, new VoicemailReminderDue(ReminderKind.VoicemailDigest, now), voicemails, now, organisation.Current.TimeZone);
        return ReminderCards.ToBotMessage(listing, now);
    }

    /// <summary>When the card was sent, so a message that arrived after it is not marked heard unseen.</summary>
    private static Instant? UpTo(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d
        && d.TryGetProperty(VoicemailVerbs.UpToKey, out var value)
        && value.ValueKind == JsonValueKind.String
        && InstantPattern.ExtendedIso.Parse(value.GetString()!) is { Success: true } parsed
            ? parsed.Value
            : null;
}
