using NodaTime;
using NodaTime.Text;
using PresenceBot.Bot.Conversation.Cards;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.WorkingTime;
using PresenceBot.Reminders;
using PresenceBot.TeamsChannel.Cards;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// "/enhet": the units the writer manages (a member sees their own unit) — who is away and until when, who can answer,
/// and today's and the next working day's phone hours with their gaps. A manager's card has "Påminn personalen" per gap,
/// which asks the unit's reachable members in Teams whether someone can take it: once per gap, whoever presses it.
/// </summary>
internal sealed class UnitReplies(
    ReferralService referrals, IOrganisationSource organisation, ReminderDelivery delivery, IReminderLog log, ILogger<UnitReplies> logger)
{
    /// <summary>Teams shows at most six buttons on a card.</summary>
    private const int MaxButtons = 6;

    public Task<BotMessage> ShowAsync(ConversationContext context, CancellationToken cancellationToken) =>
        OverviewAsync(context.Person, [], cancellationToken);

    public async Task<BotMessage> AskStaffAsync(ConversationContext context, CardData data, CancellationToken cancellationToken)
    {
        var org = organisation.Current;
        var person = context.Person;
        if (data[UnitVerbs.UnitKey] is not { } unitId || org.FindUnit(unitId) is not { } unit
            || !TryInstant(data[UnitVerbs.FromKey], out var from) || !TryInstant(data[UnitVerbs.ToKey], out var to) || to <= from)
        {
            return MessageCard.Answer("Okänd lucka", [CardActionHandler.UnknownAction]);
        }

        if (!unit.ManagerIds.Contains(person.Id, StringComparer.OrdinalIgnoreCase))
        {
            return await OverviewAsync(person, ["Bara enhetens chef kan påminna personalen."], cancellationToken).ConfigureAwait(false);
        }

        var gap = new Interval(from, to);
        var now = referrals.Now;
        var calendar = new WorkingCalendar(org);
        var span = SwedishTime.Span(gap, calendar.Zone, now.InZone(calendar.Zone).Date);
        if (gap.End <= now)
        {
            return await OverviewAsync(person, [$"Luckan {span} är redan över."], cancellationToken).ConfigureAwait(false);
        }

        if (!calendar.IsWithinWorkingHours(now))
        {
            // Rule 11: staff are not messaged outside working hours for what they did not ask for.
            return await OverviewAsync(person, ["Det är utanför arbetstid, så personalen tillfrågas inte nu. Försök igen under arbetstid."], cancellationToken)
                .ConfigureAwait(false);
        }

        var slot = CoverageMessages.Slot(gap);
        if (!await log.TryClaimAsync(Message(unit, slot, "", "", "", now), cancellationToken).ConfigureAwait(false))
        {
            return await OverviewAsync(person, [$"Personalen är redan tillfrågad om {span}."], cancellationToken).ConfigureAwait(false);
        }

        var members = org.MembersOf(unit).Where(m => m.Id != person.Id).ToList();
        var statuses = await referrals.StatusOfAsync(members, cancellationToken).ConfigureAwait(false);
        var asked = new List<string>();
        foreach (var member in statuses.Where(s => s.Segment is not { } segment || !CoverageCalculator.IsUnreachable(segment)).Select(s => s.Person))
        {
            var outcome = await delivery.DeliverAsync(Message(unit, slot, member.Id,
                $"Kan du ta telefontiden {span}?",
                $"{person.Name} frågar om någon i {unit.Name} kan svara i telefon {span}: för få kan då. Säg till {person.Name} om du kan.", now), cancellationToken)
                .ConfigureAwait(false);
            if (outcome == ReminderOutcome.Sent)
            {
                asked.Add(member.Name);
            }
        }

        ConversationLog.CommandHandled(logger, person.Id, "unit-ask-staff");
        var notice = asked.Count == 0
            ? $"Ingen i {unit.Name} kunde nås i Teams om {span}."
            : $"Frågan om {span} gick till {string.Join(", ", asked)}.";
        return await OverviewAsync(person, [notice], cancellationToken).ConfigureAwait(false);
    }

    private async Task<BotMessage> OverviewAsync(Person person, IReadOnlyList<string> notices, CancellationToken cancellationToken)
    {
        var org = organisation.Current;
        var managed = org.Units.Where(u => u.ManagerIds.Contains(person.Id, StringComparer.OrdinalIgnoreCase)).ToList();
        var units = managed.Count > 0 ? managed : [person.Unit];
        var calendar = new WorkingCalendar(org);
        var now = referrals.Now;
        var today = now.InZone(calendar.Zone).Date;
        var window = new Interval(today.AtStartOfDayInZone(calendar.Zone).ToInstant(),
            calendar.NextWorkingDayAfter(today).PlusDays(1).AtStartOfDayInZone(calendar.Zone).ToInstant());
        var people = units.SelectMany(org.MembersOf).DistinctBy(p => p.Id).ToList();
        var timelines = await referrals.TimelinesAsync(people, window, cancellationToken).ConfigureAwait(false);
        var overviews = units
            .Select(u => UnitOverview.Of(u, org.MembersOf(u).Select(p => new MemberTimeline(p, timelines[p.Id])).ToList(), now, calendar))
            .ToList();
        ConversationLog.CommandHandled(logger, person.Id, "unit");
        return Card(overviews, managed.Count > 0, notices, now);
    }

    private static BotMessage Card(IReadOnlyList<UnitOverview> overviews, bool manager, IReadOnlyList<string> notices, Instant now)
    {
        var heading = overviews.Count == 1 ? $"Enheten {overviews[0].Unit.Name}, {overviews[0].Unit.Municipality.Name}" : "Dina enheter";
        var body = new List<CardElement>();
        body.AddRange(notices.Select(n => new TextBlock(n) { Color = TextColor.Attention }));
        var actions = new List<CardAction>();
        foreach (var overview in overviews)
        {
            if (overviews.Count > 1)
            {
                body.Add(new TextBlock($"{overview.Unit.Name}, {overview.Unit.Municipality.Name}") { Weight = TextWeight.Bolder });
            }

            body.Add(new TextBlock(overview.AwayNow.Count == 0 ? "Ingen är borta just nu." : "Borta nu: " + string.Join("; ", overview.AwayNow) + "."));
            body.Add(new TextBlock(overview.ReachableNow.Count == 0 ? "Ingen kan svara just nu." : "Kan svara nu: " + string.Join(", ", overview.ReachableNow) + "."));
            foreach (var day in overview.Days)
            {
                body.Add(new TextBlock(day.PhoneHours.Count == 0
                    ? $"Ingen telefontid {day.Day}."
                    : $"Telefontid {day.Day}: {string.Join(", ", day.PhoneHours)}." + (day.Gaps.Count == 0 ? " Bemannad hela tiden." : "")));
                foreach (var gap in day.Gaps)
                {
                    body.Add(new TextBlock($"Lucka {gap.Span}: " + (gap.Answering.Count == 0
                        ? "ingen kan svara."
                        : $"bara {string.Join(", ", gap.Answering)} kan svara, {overview.Unit.MinimumStaffed} behövs.")) { Color = TextColor.Attention });
                    if (manager && gap.Interval.End > now && actions.Count < MaxButtons)
                    {
                        var title = overviews.Count > 1 ? $"Påminn personalen: {overview.Unit.Name} {gap.Span}" : $"Påminn personalen: {gap.Span}";
                        actions.Add(new ExecuteAction(title, UnitVerbs.AskStaff)
                        {
                            Data = CardActions.Data(UnitVerbs.AskStaff, (UnitVerbs.UnitKey, overview.Unit.Id),
                                (UnitVerbs.FromKey, InstantPattern.ExtendedIso.Format(gap.Interval.Start)),
                                (UnitVerbs.ToKey, InstantPattern.ExtendedIso.Format(gap.Interval.End))),
                        });
                    }
                }
            }
        }

        return BotMessage.FromCard(MessageCard.Build(heading, [], actions, body), heading);
    }

    private static ReminderMessage Message(Unit unit, string slot, string recipientId, string title, string text, Instant now) => new()
    {
        Kind = ReminderKind.CoverageGapAsk,
        RecipientId = recipientId,
        Subject = unit.Id,
        Slot = slot,
        Title = title,
        Text = text,
        DueAt = now,
    };

    private static bool TryInstant(string? text, out Instant instant)
    {
        var parsed = text is null ? null : InstantPattern.ExtendedIso.Parse(text);
        instant = parsed is { Success: true } ? parsed.Value : default;
        return parsed is { Success: true };
    }
}
