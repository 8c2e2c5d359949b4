using NodaTime;
using PresenceBot.Bot.Conversation.Cards;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Talsvar;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// The referral operations behind commands and buttons, each through the one <see cref="ReferralService"/> and each
/// answered with what callers will now hear.
/// </summary>
internal sealed class ReferralReplies(ReferralService referrals, ILogger<ReferralReplies> logger)
{
    public const string StaleNotice = "Det här kortet är inaktuellt: din hänvisning har ändrats sedan kortet visades, så inget har ändrats. Så här gäller nu:";

    /// <summary>How far ahead "/status" looks for what the calendar will do next.</summary>
    private static readonly Duration LookAhead = Duration.FromDays(14);

    public Task<EffectiveStatus> StatusOfAsync(ConversationContext context, CancellationToken cancellationToken) =>
        referrals.StatusAsync(context.Person, cancellationToken);

    /// <summary>Stores the referral; a rule it breaks is thrown as <see cref="ReferralRuleException"/> with nothing stored.</summary>
    public async Task<BotMessage> SetAsync(ConversationContext context, SetReferralValues values, CancellationToken cancellationToken)
    {
        var result = await referrals.SetAsync(new SetReferral
        {
            PersonId = context.Person.Id,
            Reason = values.Reason,
            Until = values.Until,
            From = values.From,
            Phone = values.Phone,
            Note = values.Note,
            Source = ReferralSource.Manual,
            Actor = context.Actor,
        }, cancellationToken).ConfigureAwait(false);
        ConversationLog.CommandHandled(logger, context.Person.Id, "set");

        var heading = $"Hänvisning sparad: {ReasonCatalog.OwnWord(values.Reason)}";
        var view = values.From is { } from && from > context.Time.Now
            ? await FutureViewAsync(context, result.Status, from, heading, cancellationToken).ConfigureAwait(false)
            : ReferralView.Of(result.Status, heading);
        return Answer(view, context);
    }

    public async Task<BotMessage> ReturnAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        var result = await referrals.ReturnNowAsync(context.Person.Id, ReferralSource.Manual, context.Actor, cancellationToken).ConfigureAwait(false);
        ConversationLog.CommandHandled(logger, context.Person.Id, "return");
        var heading = result.Changed ? "Välkommen tillbaka!" : "Det fanns ingen hänvisning att avsluta.";
        return Answer(ReferralView.Of(result.Status, heading), context);
    }

    /// <summary>What is in force now, and the next referred stretch ahead (a calendar booking or a planned referral).</summary>
    public async Task<BotMessage> StatusAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        var status = await referrals.StatusAsync(context.Person, cancellationToken).ConfigureAwait(false);
        var now = context.Time.Now;
        var timeline = await referrals.TimelineAsync(context.Person, new Interval(now, now + LookAhead), cancellationToken).ConfigureAwait(false);
        var freeFrom = status.Segment is { Referral: not null } current ? current.ReturnsAt : now;
        var next = timeline.FirstOrDefault(s => s.IsReferred && s.From > now && s.From >= freeFrom);
        var when = (Instant at) => TalsvarText.When(at, now, context.Time.Zone);
        IReadOnlyList<string> lines = next is { Referral: { } referral }
            ?
            [
                $"Härnäst: {ReasonCatalog.OwnWord(referral.Reason)} från {when(next.From)}, tillbaka {when(next.ReturnsAt)}.",
                $"Då hör den som ringer: \"{referrals.TalsvarFor(context.Person, next, next.From)}\"",
            ]
            : ["Inget mer är inplanerat de närmaste två veckorna."];
        var heading = status.Segment?.Referral is { } inForce ? $"Just nu: {ReasonCatalog.OwnWord(inForce.Reason)}" : "Just nu: tillgänglig";
        ConversationLog.CommandHandled(logger, context.Person.Id, "status");
        return Answer(ReferralView.Of(status, heading) with
        {
            Lines = [.. lines, CouplingCard.Explain(context.Person.CalendarCoupling)],
        }, context);
    }

    /// <summary>The card was drawn from another status than the one in force: say so and show what holds now.</summary>
    public BotMessage Stale(ConversationContext context, EffectiveStatus status, string verb)
    {
        ConversationLog.StaleCard(logger, context.Person.Id, verb);
        return Answer(ReferralView.Of(status, "Kortet är inaktuellt") with { Notice = StaleNotice }, context);
    }

    public BotMessage Answer(ReferralView view, ConversationContext context) =>
        BotMessage.FromCard(ReferralCard.Build(view, context.Time), Summary(view));

    /// <summary>The text beside the card (notifications, screen readers): the heading as a sentence, then the talsvar.</summary>
    internal static string Summary(ReferralView view)
    {
        // "Välkommen tillbaka!" already ends its sentence; "Hänvisning sparad: möte" does not.
        var heading = view.Heading.Length > 0 && ".!?".Contains(view.Heading[^1], StringComparison.Ordinal) ? view.Heading : $"{view.Heading}.";
        return view.Talsvar is { } talsvar ? $"{heading} {talsvar}" : heading;
    }

    /// <summary>A referral that starts later ("/semester vecka 49"): shown as callers will hear it once it begins.</summary>
    private async Task<ReferralView> FutureViewAsync(
        ConversationContext context, EffectiveStatus now, Instant from, string heading, CancellationToken cancellationToken)
    {
        var timeline = await referrals.TimelineAsync(context.Person, new Interval(from, from + Duration.FromMinutes(1)), cancellationToken).ConfigureAwait(false);
        var starting = timeline.FirstOrDefault(s => s.Referral is not null);
        return new ReferralView
        {
            Heading = $"{heading}, från {TalsvarText.When(from, context.Time.Now, context.Time.Zone)}",
            Version = StatusVersion.Of(now),
            Talsvar = starting is null ? null : referrals.TalsvarFor(context.Person, starting, from),
            Reason = starting?.Referral?.Reason,
            ReturnsAt = starting?.ReturnsAt,
            Phone = starting?.Referral?.Phone,
            Note = starting?.Referral?.Note,
        };
    }
}
