using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Talsvar;
using PresenceBot.Referrals.Timeline;
using PresenceBot.Referrals.WorkingTime;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// The only write path for referral state, for every source (calendar, bot, switchboard), and the
/// one place that answers "what is in force". Commands are idempotent: repeating one changes nothing
/// and writes no audit entry or event. A lost race with another writer is retried on fresh state.
/// </summary>
public sealed class ReferralService(IReferralStore store, IOrganisationSource organisation, TimeProvider time)
{
    private const int MaxAttempts = 5;
    private const int MaxNoteLength = 200;

    /// <summary>How far back to load so a status can see the merged absence it is part of.</summary>
    private static readonly Duration LookBehind = Duration.FromHours(12);

    /// <summary>Now, to the millisecond: every database keeps that much, so what is read back equals what was written.</summary>
    public Instant Now => Instant.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>
    /// Registers a manual or switchboard referral; it replaces the person's previous manual one. A
    /// <see cref="SetReferral.Forwarding"/> is stored with it in one change set: both or neither.
    /// </summary>
    public Task<ReferralResult> SetAsync(SetReferral command, CancellationToken cancellationToken)
    {
        if (command.Source == ReferralSource.Calendar)
        {
            throw new ArgumentException("Calendar referrals go through UpsertCalendarAsync.", nameof(command));
        }

        return ExecuteAsync(command.PersonId, command.Source, command.Actor, (state, now, org) => PlanSet(command, state, now, org), cancellationToken);
    }

    /// <summary>
    /// "Tillbaka": ends everything in force now — a manual referral and the calendar bookings beneath it alike (rule 7);
    /// later bookings still apply.
    /// </summary>
    public Task<ReferralResult> ReturnNowAsync(string personId, ReferralSource source, string actor, CancellationToken cancellationToken) =>
        ExecuteAsync(personId, source, actor, (state, now, org) => PlanReturn(state, now, org), cancellationToken);

    /// <summary>
    /// Forwards the person's calls to a colleague for the forwarding's period (replacing one set before). The colleague's
    /// timeline is checked by the caller first (<see cref="ForwardingService"/>); this only stores it.
    /// </summary>
    public Task<ReferralResult> SetForwardingAsync(string personId, CallForwarding forwarding, ReferralSource source, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forwarding);
        return ExecuteAsync(personId, source, actor, (state, now, org) => PlanForward(forwarding, state, now, org), cancellationToken);
    }

    /// <summary>"/vidarekoppla av": ends a forwarding in force (or one set to begin later).</summary>
    public Task<ReferralResult> EndForwardingAsync(string personId, ReferralSource source, string actor, CancellationToken cancellationToken) =>
        ExecuteAsync(personId, source, actor, (state, now, _) => state.Forwarding is { } f && f.Until > now
            ? new Plan { Action = "forward-ended" }.Forward(null)
            : Plan.None, cancellationToken);

    /// <summary>Creates or updates the referral of one calendar booking (keyed by its event id).</summary>
    public Task<ReferralResult> UpsertCalendarAsync(CalendarBooking booking, CancellationToken cancellationToken) =>
        ExecuteAsync(booking.PersonId, ReferralSource.Calendar, booking.Actor, (state, _, org) => PlanUpsert(booking, state, org), cancellationToken,
            externalKeys: [booking.ExternalKey]);

    /// <summary>
    /// Applies a calendar re-read in one change set: every booking upserted, every removed event's
    /// referral gone, and after a full read of a window also the calendar referrals it no longer holds.
    /// </summary>
    public Task<ReferralResult> SyncCalendarAsync(CalendarChanges changes, CancellationToken cancellationToken)
    {
        // The full-window case needs every calendar referral in the window, so load from its start.
        return ExecuteAsync(changes.PersonId, ReferralSource.Calendar, changes.Actor,
            (state, now, org) => PlanCalendarSync(changes, state, now, org), cancellationToken,
            loadSince: changes.FullReadWindow?.Start, externalKeys: changes.RemovedEventIds.Concat(changes.Bookings.Select(b => b.ExternalKey)).ToList());
    }

    /// <summary>Removes the referral of a cancelled, declined or deleted booking.</summary>
    public Task<ReferralResult> RemoveCalendarAsync(string personId, string externalKey, string actor, CancellationToken cancellationToken) =>
        ExecuteAsync(personId, ReferralSource.Calendar, actor, (state, _, _) => PlanRemove(externalKey, state), cancellationToken,
            externalKeys: [externalKey]);

    public async Task<EffectiveStatus> StatusAsync(Person person, CancellationToken cancellationToken)
    {
        var now = Now;
        var state = await store.LoadAsync(person.Id, now - LookBehind, [], cancellationToken).ConfigureAwait(false);
        return StatusOf(person, state, now, organisation.Current);
    }

    public async Task<IReadOnlyList<EffectiveStatus>> StatusOfAsync(IReadOnlyCollection<Person> people, CancellationToken cancellationToken)
    {
        var now = Now;
        var org = organisation.Current;
        var states = await store.LoadManyAsync(people.Select(p => p.Id).ToList(), now - LookBehind, cancellationToken).ConfigureAwait(false);
        return people.Select(p => StatusOf(p, states.GetValueOrDefault(p.Id) ?? PersonReferrals.Empty(p.Id), now, org)).ToList();
    }

    /// <summary>
    /// The status at <paramref name="window"/>'s start and the effective segments over it, from one read of the person's
    /// referrals: publishing needs both for every change, and two reads were a third of its CPU under load.
    /// </summary>
    public async Task<(EffectiveStatus Status, IReadOnlyList<TimelineSegment> Timeline)> StatusAndTimelineAsync(
        Person person, Interval window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var org = organisation.Current;
        var state = await store.LoadAsync(person.Id, window.Start - LookBehind, [], cancellationToken).ConfigureAwait(false);
        return (StatusOf(person, state, window.Start, org), ReferralTimeline.Compute(state.Referrals, state.LastReturnAt, org.CalendarCoupling.MergeGap, window));
    }

    /// <summary>The effective segments over <paramref name="window"/>, available stretches included.</summary>
    public async Task<IReadOnlyList<TimelineSegment>> TimelineAsync(Person person, Interval window, CancellationToken cancellationToken)
    {
        var state = await store.LoadAsync(person.Id, window.Start - LookBehind, [], cancellationToken).ConfigureAwait(false);
        return ReferralTimeline.Compute(state.Referrals, state.LastReturnAt, organisation.Current.CalendarCoupling.MergeGap, window);
    }

    /// <summary>
    /// <see cref="TimelineAsync"/> for many people in one read (coverage of every unit at once); someone with no
    /// referrals gets one available segment over the window.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineSegment>>> TimelinesAsync(
        IReadOnlyCollection<Person> people, Interval window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        var mergeGap = organisation.Current.CalendarCoupling.MergeGap;
        var states = await store.LoadManyAsync(people.Select(p => p.Id).ToList(), window.Start - LookBehind, cancellationToken).ConfigureAwait(false);

        // One builder's buffers for everyone: the coverage round does this for the whole organisation every minute.
        var builder = new TimelineBuilder();
        var timelines = new Dictionary<string, IReadOnlyList<TimelineSegment>>(people.Count);
        foreach (var person in people)
        {
            if (!timelines.ContainsKey(person.Id))
            {
                timelines.Add(person.Id, states.GetValueOrDefault(person.Id) is { } state
                    ? builder.Compute(state.Referrals, state.LastReturnAt, mergeGap, window)
                    : [TimelineSegment.Available(window.Start, window.End)]);
            }
        }

        return timelines;
    }

    /// <summary>What callers hear for a segment, spoken at <paramref name="now"/>.</summary>
    public string? TalsvarFor(Person person, TimelineSegment segment, Instant now) =>
        segment.Referral is { } referral
            ? TalsvarText.Compose(person, ReasonCatalog.Disclosed(referral.Reason), segment.ReturnsAt, now, organisation.Current.TimeZone)
            : null;

    private EffectiveStatus StatusOf(Person person, PersonReferrals state, Instant now, OrganisationModel org)
    {
        var segment = ReferralTimeline.At(state.Referrals, state.LastReturnAt, org.CalendarCoupling.MergeGap, now);
        var forwarding = state.Forwarding is { } f && f.IsInForceAt(now) ? f : null;
        var forwardedTo = forwarding is null ? null : org.FindPerson(forwarding.TargetId);
        var talsvar = segment?.Referral is { } referral
            ? TalsvarText.Compose(person, ReasonCatalog.Disclosed(referral.Reason), segment.ReturnsAt, now, org.TimeZone, forwardedTo)
            : null;
        return new EffectiveStatus(person, now, segment, talsvar, forwardedTo, forwardedTo is null ? null : forwarding);
    }

    private async Task<ReferralResult> ExecuteAsync(
        string personId,
        ReferralSource source,
        string actor,
        Func<PersonReferrals, Instant, OrganisationModel, Plan> plan,
        CancellationToken cancellationToken,
        Instant? loadSince = null,
        IReadOnlyCollection<string>? externalKeys = null)
    {
        var org = organisation.Current;
        var person = org.FindPerson(personId) ?? throw new ReferralRuleException("person", $"Okänd person '{personId}'.");
        for (var attempt = 1; ; attempt++)
        {
            var now = Now;
            var since = loadSince is { } from && from < now - LookBehind ? from : now - LookBehind;
            var state = await store.LoadAsync(person.Id, since, externalKeys ?? [], cancellationToken).ConfigureAwait(false);
            var planned = plan(state, now, org);
            if (!planned.HasChanges)
            {
                return new ReferralResult(false, StatusOf(person, state, now, org));
            }

            var changes = planned.ToChangeSet(state, now, source, actor);
            try
            {
                await store.SaveAsync(changes, cancellationToken).ConfigureAwait(false);
                return new ReferralResult(true, StatusOf(person, planned.Apply(state), now, org), planned.ForwardingChanged);
            }
            catch (ReferralConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone else wrote this person's referrals between our read and write: plan again on fresh state.
            }
        }
    }

    private static Plan PlanSet(SetReferral command, PersonReferrals state, Instant now, OrganisationModel org)
    {
        var plan = PlanReferral(command, state, now, org);
        if (command.Forwarding is not { } forwarding)
        {
            return plan;
        }

        // Checked before anything is stored, like the referral: a refused forwarding leaves the referral unstored too.
        CheckForwarding(forwarding, state, now, org);
        if (IsInForce(forwarding, state, now))
        {
            return plan;
        }

        return (plan.HasChanges ? plan : new Plan { Action = "forwarded" }).Forward(forwarding);
    }

    private static Plan PlanReferral(SetReferral command, PersonReferrals state, Instant now, OrganisationModel org)
    {
        var from = command.From is { } f && f > now ? f : now;
        if (command.Until is not { } requestedUntil)
        {
            throw new ReferralRuleException("until", "Återkomsttid saknas: en hänvisning måste ha både orsak och återkomsttid.");
        }

        if (requestedUntil <= now)
        {
            throw new ReferralRuleException("until", "Återkomsttiden har redan passerat. Ange en tid framåt.");
        }

        if (requestedUntil <= from)
        {
            throw new ReferralRuleException("until", "Återkomsttiden måste vara efter starttiden.");
        }

        if (command.Note is { Length: > MaxNoteLength })
        {
            throw new ReferralRuleException("note", $"Anteckningen får vara högst {MaxNoteLength} tecken.");
        }

        var until = new WorkingCalendar(org).NormalizeReturn(requestedUntil);
        var phone = command.Phone ?? ReasonCatalog.DefaultPhone(command.Reason);
        var candidate = new Referral(Guid.NewGuid(), state.PersonId, command.Reason, from, until, phone, command.Source, command.Note);

        var overriding = state.Referrals.Where(r => r.OverridesCalendar && r.Start < until && r.EffectiveEnd > from).ToList();
        if (overriding.Any(r => r.IsInForceAt(from) && r.Reason == candidate.Reason && r.ReturnsAt == candidate.ReturnsAt
                                && r.Phone == candidate.Phone && r.Note == candidate.Note))
        {
            return Plan.None;
        }

        var plan = new Plan { Action = "set" };
        foreach (var replaced in overriding)
        {
            // The newest manual word wins: what it overlaps ends where the new one begins, or goes if it hadn't begun.
            if (replaced.Start < from)
            {
                plan.Update(replaced, replaced with { EndedAt = from }, "ended");
            }
            else
            {
                plan.Remove(replaced, "replaced");
            }
        }

        plan.Add(candidate);
        return plan;
    }

    private static Plan PlanReturn(PersonReferrals state, Instant now, OrganisationModel org)
    {
        var inForce = ReferralTimeline.At(state.Referrals, state.LastReturnAt, org.CalendarCoupling.MergeGap, now);
        var forwarded = state.Forwarding is { } forwarding && forwarding.Until > now;
        if (inForce is null)
        {
            // Back with nothing referred: a forwarding still ends (the person takes their own calls again).
            return forwarded ? new Plan { Action = "forward-ended" }.Forward(null) : Plan.None;
        }

        // Rule 7: "tillbaka" ends everything in force now, manual and calendar alike, in one step — back from a lunch
        // during a calendar training is back, not back at the training. The calendar resumes with its next booking.
        var plan = new Plan { Action = "returned", LastReturnAt = now };
        if (forwarded)
        {
            plan.Forward(null);
        }

        foreach (var referral in state.Referrals.Where(r => r.IsInForceAt(now)))
        {
            plan.Update(referral, referral with { EndedAt = now }, "ended");
        }

        return plan;
    }

    private static Plan PlanForward(CallForwarding forwarding, PersonReferrals state, Instant now, OrganisationModel org)
    {
        CheckForwarding(forwarding, state, now, org);
        return IsInForce(forwarding, state, now) ? Plan.None : new Plan { Action = "forwarded" }.Forward(forwarding);
    }

    private static void CheckForwarding(CallForwarding forwarding, PersonReferrals state, Instant now, OrganisationModel org)
    {
        if (string.Equals(forwarding.TargetId, state.PersonId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ReferralRuleException("forwardTo", "Du kan inte vidarekoppla till dig själv. Ange en kollega.");
        }

        if (org.FindPerson(forwarding.TargetId) is null)
        {
            throw new ReferralRuleException("forwardTo", $"Okänd kollega '{forwarding.TargetId}'.");
        }

        if (forwarding.Until <= now)
        {
            throw new ReferralRuleException("until", "Tiden har redan passerat. Ange en tid framåt.");
        }
    }

    /// <summary>Whether the same forwarding (colleague and end) is already in force: setting it again changes nothing.</summary>
    private static bool IsInForce(CallForwarding forwarding, PersonReferrals state, Instant now) =>
        state.Forwarding is { } current && current.TargetId == forwarding.TargetId && current.Until == forwarding.Until && current.From <= now;

    private static Plan PlanUpsert(CalendarBooking booking, PersonReferrals state, OrganisationModel org)
    {
        var person = org.FindPerson(booking.PersonId)!;
        var existing = state.Referrals.FirstOrDefault(r => r.Source == ReferralSource.Calendar && r.ExternalKey == booking.ExternalKey);
        if (person.CalendarCoupling == CalendarCoupling.Off)
        {
            // Coupling turned off: the calendar no longer speaks for this person.
            return existing is null ? Plan.None : new Plan { Action = "calendar-removed" }.Remove(existing, "removed");
        }

        var returnsAt = new WorkingCalendar(org).NormalizeReturn(booking.End);
        if (returnsAt <= booking.Start)
        {
            // A zero-length (or inverted) booking blocks no time: no referral, and one it had before goes.
            return existing is null ? Plan.None : new Plan { Action = "calendar-removed" }.Remove(existing, "removed");
        }

        var phone = booking.Phone
            ?? (booking.Reason == Reason.Remote || person.CalendarCoupling == CalendarCoupling.Open ? PhoneState.Open : PhoneState.Closed);

        // A "tillbaka" said during this booking still holds unless the booking moved past it.
        var endedAt = existing?.EndedAt is { } ended && booking.Start <= ended && ended < returnsAt ? ended : (Instant?)null;
        var wanted = new Referral(existing?.Id ?? Guid.NewGuid(), person.Id, booking.Reason, booking.Start, returnsAt, phone,
            ReferralSource.Calendar, externalKey: booking.ExternalKey, endedAt: endedAt);
        if (existing is null)
        {
            return new Plan { Action = "calendar-created" }.Add(wanted);
        }

        return existing.SaysSameAs(wanted) ? Plan.None : new Plan { Action = "calendar-updated" }.Update(existing, wanted, "updated");
    }

    private static Plan PlanCalendarSync(CalendarChanges changes, PersonReferrals state, Instant now, OrganisationModel org)
    {
        var plan = new Plan { Action = "calendar-synced" };
        var mentioned = new HashSet<string>(StringComparer.Ordinal);

        // The same event may come twice in one read (delta pages overlap); the last word counts.
        foreach (var booking in changes.Bookings.Reverse().DistinctBy(b => b.ExternalKey))
        {
            mentioned.Add(booking.ExternalKey);
            plan.Merge(PlanUpsert(booking with { PersonId = state.PersonId }, state, org));
        }

        var calendar = state.Referrals.Where(r => r.Source == ReferralSource.Calendar && r.ExternalKey is not null).ToList();
        var gone = calendar.Where(r => changes.RemovedEventIds.Contains(r.ExternalKey!) && !mentioned.Contains(r.ExternalKey!));
        if (changes.FullReadWindow is { } window)
        {
            // A full read is the truth for its window: what it didn't mention there was deleted meanwhile.
            gone = gone.Concat(calendar.Where(r => window.Contains(r.Start) && !mentioned.Contains(r.ExternalKey!)));
        }

        foreach (var referral in gone.DistinctBy(r => r.Id))
        {
            plan.Remove(referral, "removed");
        }

        // The person changed or deleted the event we wrote for a manual referral: the calendar's word now, so the manual
        // one ends where a booking would (and one not yet begun goes). Already over: nothing to do, so a repeat is no change.
        foreach (var manual in state.Referrals.Where(r => r.OverridesCalendar && changes.EndedManualReferrals.Contains(r.Id) && r.EffectiveEnd > now))
        {
            if (manual.Start >= now)
            {
                plan.Remove(manual, "removed-in-outlook");
            }
            else
            {
                plan.Update(manual, manual with { EndedAt = now }, "ended-in-outlook");
            }
        }

        return plan;
    }

    private static Plan PlanRemove(string externalKey, PersonReferrals state)
    {
        var existing = state.Referrals.FirstOrDefault(r => r.Source == ReferralSource.Calendar && r.ExternalKey == externalKey);
        return existing is null ? Plan.None : new Plan { Action = "calendar-removed" }.Remove(existing, "removed");
    }
}
