using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.CalendarSync.Presence;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Talsvar;
using PresenceBot.Storage;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing.TeamsStatus;

/// <summary>
/// While a referral is in force, the person's Teams status message says what callers hear (without the name), expiring
/// at the return; when they are available again it is cleared. A message the person wrote themselves is never
/// replaced or cleared: the presence is read first, and only a message equal to the one we set last counts as ours.
/// </summary>
internal sealed class TeamsStatusPublisher(
    IStatusMessageClient presence,
    IDbContextFactory<PresenceBotDbContext> contexts,
    IOrganisationSource organisation,
    TimeProvider time) : IPublisher
{
    public const string Name = "teams-status";

    public WorkKind Kind { get; } = PublishSetup.KindFor(Name);

    public bool Covers(Person person) => true;

    public async Task PublishAsync(EffectiveStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var personId = status.Person.Id;
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var wanted = status.Segment is { Referral: { } referral } segment
            ? new StatusMessage(StatusMessageText.Compose(referral.Reason, segment.ReturnsAt, now, organisation.Current.TimeZone), segment.ReturnsAt)
            : null;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ours = await db.StatusMessages.FirstOrDefaultAsync(m => m.PersonId == personId, cancellationToken).ConfigureAwait(false);
        var current = await presence.GetTextAsync(personId, cancellationToken).ConfigureAwait(false);
        if (current is not null && ours?.IsOurs(current) != true)
        {
            // The person's own words: theirs to change. Forget ours, so we never take theirs for ours later.
            if (ours is not null)
            {
                db.StatusMessages.Remove(ours);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (wanted is null)
        {
            if (current is not null)
            {
                await presence.SetAsync(personId, null, cancellationToken).ConfigureAwait(false);
            }

            if (ours is not null)
            {
                db.StatusMessages.Remove(ours);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else if (current != wanted.Text)
        {
            ours ??= db.StatusMessages.Add(new StatusMessageRow { PersonId = personId }).Entity;
            ours.Pending = wanted.Text;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await presence.SetAsync(personId, wanted, cancellationToken).ConfigureAwait(false);
            ours.Text = wanted.Text;
            ours.Pending = null;
            ours.SetAt = now;
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
