using NodaTime;
using NodaTime.Text;
using PresenceBot.Bot.Conversation.Cards;
using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Forwarding;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.TeamsChannel.Cards;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// "/vidarekoppla till Ida Berg till 15:00" and its buttons: find the colleague (a choice card when several match), check
/// their timeline for the whole period (rule 12), and set it — at once when they are reachable throughout, after the
/// person confirms or picks another colleague when they are not.
/// </summary>
internal sealed class ForwardingReplies(
    ForwardingService forwarding, ForwardingNotices notices, IOrganisationSource organisation, ILogger<ForwardingReplies> logger)
{
    /// <summary>Teams shows at most six buttons on a card.</summary>
    private const int MaxChoices = 6;

    private static readonly string[] Examples = ["Skriv till exempel: /vidarekoppla till Ida Berg till 15:00, eller /vidarekoppla till ida.berg@lycksele.se."];

    public Task<BotMessage> ForwardAsync(ConversationContext context, ForwardCommand command, CancellationToken cancellationToken) => command.Until switch
    {
        null => ToColleagueAsync(context, command.Colleague, null, cancellationToken),
        TimeSuccess success => ToColleagueAsync(context, command.Colleague, success.Until, cancellationToken),
        TimeFailure failure => Task.FromResult(MessageCard.Answer("Vidarekopplingen är inte ändrad", [failure.Message])),
        var other => throw new InvalidOperationException($"Unhandled time result {other.GetType().Name}."),
    };

    public async Task<BotMessage> EndAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        var result = await forwarding.EndAsync(context.Person, ReferralSource.Manual, context.Actor, cancellationToken).ConfigureAwait(false);
        ConversationLog.CommandHandled(logger, context.Person.Id, "forward-end");
        return result.Changed
            ? MessageCard.Answer("Vidarekopplingen är avslutad", ["Samtal till dig kopplas till dig igen.", Hears(result.Status.Talsvar)])
            : MessageCard.Answer("Ingen vidarekoppling att avsluta", ["Samtal till dig kopplas till dig."]);
    }

    /// <summary>A forwarding card's button.</summary>
    public Task<BotMessage> HandleAsync(ConversationContext context, string verb, CardData data, CancellationToken cancellationToken)
    {
        var until = data[ForwardingVerbs.UntilKey] is { } text && InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed ? parsed.Value : (Instant?)null;
        var chosen = data[ForwardingVerbs.ColleagueIdKey] is { } id ? organisation.Current.FindPerson(id) : null;
        return verb switch
        {
            ForwardingVerbs.End => EndAsync(context, cancellationToken),
            ForwardingVerbs.Other when data[ForwardingVerbs.ColleagueKey] is { } name => ToColleagueAsync(context, name, until, cancellationToken),
            ForwardingVerbs.Other => Task.FromResult(MessageCard.Answer("Vem ska samtalen kopplas till?", ["Skriv kollegans namn i fältet och välj igen.", .. Examples])),
            ForwardingVerbs.Pick when chosen is not null => SetOrAskAsync(context, chosen, until, confirmed: false, cancellationToken),
            ForwardingVerbs.Confirm when chosen is not null => SetOrAskAsync(context, chosen, until, confirmed: true, cancellationToken),
            _ => Task.FromResult(MessageCard.Answer("Kollegan finns inte längre", ["Jag hittar inte kollegan som kortet gällde.", .. Examples])),
        };
    }

    private async Task<BotMessage> ToColleagueAsync(ConversationContext context, string query, Instant? until, CancellationToken cancellationToken)
    {
        var matches = ColleagueSearch.Find(organisation.Current, query);
        var others = matches.Where(p => p.Id != context.Person.Id).ToList();
        if (others.Count == 0)
        {
            ConversationLog.CommandHandled(logger, context.Person.Id, "forward-unknown");
            return matches.Count > 0
                ? MessageCard.Answer("Vidarekopplingen är inte ändrad", ["Du kan inte vidarekoppla till dig själv. Ange en kollega."])
                : MessageCard.Answer("Jag hittar ingen sådan kollega", [$"Ingen i organisationen heter \"{query}\". Skriv hela namnet eller e-postadressen.", .. Examples]);
        }

        if (others.Count > 1)
        {
            ConversationLog.CommandHandled(logger, context.Person.Id, "forward-ambiguous");
            return Choice(query, others, until);
        }

        return await SetOrAskAsync(context, others[0], until, confirmed: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BotMessage> SetOrAskAsync(ConversationContext context, Person colleague, Instant? until, bool confirmed, CancellationToken cancellationToken)
    {
        ForwardingProposal proposal;
        try
        {
            proposal = await forwarding.ProposeAsync(context.Person, colleague, until, cancellationToken).ConfigureAwait(false);
        }
        catch (ReferralRuleException ex)
        {
            ConversationLog.ReferralRefused(logger, context.Person.Id, ex.Field);
            return MessageCard.Answer("Vidarekopplingen är inte ändrad", [ex.Message]);
        }

        var now = context.Time.Now;
        var zone = organisation.Current.TimeZone;
        var unreachable = proposal.Unreachable.Select(s => ForwardingText.Stretch(colleague, s, now, zone)).ToList();
        if (!proposal.ReachableThroughout && !confirmed)
        {
            ConversationLog.CommandHandled(logger, context.Person.Id, "forward-unreachable");
            return Conflict(colleague, proposal, unreachable);
        }

        var result = await forwarding.SetAsync(context.Person, proposal.Forwarding, ReferralSource.Manual, context.Actor, cancellationToken).ConfigureAwait(false);
        var told = ColleagueNotice.AlreadyTold;
        if (result.Changed)
        {
            // Only a forwarding that is new tells anyone: repeating the same one is no news to the colleague.
            if (!proposal.ReachableThroughout)
            {
                await notices.MarkConflictToldAsync(context.Person, colleague, proposal.Forwarding, cancellationToken).ConfigureAwait(false);
            }

            told = await notices.QueueColleagueNoticeAsync(context.Person, colleague, proposal.Forwarding, cancellationToken).ConfigureAwait(false);
        }
        ConversationLog.CommandHandled(logger, context.Person.Id, "forward");
        return MessageCard.Answer(
            $"Vidarekopplat till {colleague.Name}",
            [
                ForwardingText.ToPerson(colleague, proposal.Forwarding.Until, now, zone) + ".",
                .. unreachable.Select(line => $"Observera: {line}."),
                told switch
                {
                    ColleagueNotice.Queued => $"{colleague.Name} får veta det i Teams.",
                    ColleagueNotice.OutsideWorkingHours => $"{colleague.Name} får inget meddelande: vidarekopplingen slutar innan arbetstiden börjar.",
                    ColleagueNotice.Deferred => $"{colleague.Name} får veta det i Teams när arbetstiden börjar.",
                    ColleagueNotice.AlreadyTold => $"Vidarekopplingen var redan gjord; {colleague.Name} får inget nytt meddelande.",
                    _ => $"{colleague.Name} kunde inte nås i Teams: säg till själv.",
                },
                .. result.Status.Talsvar is { } talsvar ? [Hears(talsvar)] : Array.Empty<string>(),
            ],
            [new ExecuteAction("Avsluta vidarekopplingen", ForwardingVerbs.End) { Data = CardActions.Data(ForwardingVerbs.End) }]);
    }

    private static BotMessage Choice(string query, IReadOnlyList<Person> matches, Instant? until)
    {
        var untilText = until is { } u ? InstantPattern.ExtendedIso.Format(u) : null;
        var actions = matches.Take(MaxChoices)
            .Select(p => (CardAction)new ExecuteAction($"{p.Name}, {p.Unit.Name}, {p.Municipality.Name}", ForwardingVerbs.Pick)
            {
                Data = CardActions.Data(ForwardingVerbs.Pick, (ForwardingVerbs.ColleagueIdKey, p.Id), (ForwardingVerbs.UntilKey, untilText)),
            })
            .ToList();
        var lines = new List<string> { $"Flera kollegor passar \"{query}\". Välj den du menar." };
        if (matches.Count > MaxChoices)
        {
            lines.Add($"Bara de {MaxChoices} första visas: skriv mer av namnet, eller e-postadressen, för att hitta fler.");
        }

        return MessageCard.Answer("Vem menar du?", lines, actions);
    }

    private static BotMessage Conflict(Person colleague, ForwardingProposal proposal, IReadOnlyList<string> unreachable)
    {
        var untilText = InstantPattern.ExtendedIso.Format(proposal.Forwarding.Until);
        var lines = unreachable.Select(line => line + ".").Append("Välj en annan kollega, eller vidarekoppla ändå. Inget är ändrat än.");
        return MessageCard.Answer(
            $"{colleague.Name} kan inte ta alla samtal",
            lines,
            [
                new ExecuteAction("Välj kollega", ForwardingVerbs.Other) { Data = CardActions.Data(ForwardingVerbs.Other, (ForwardingVerbs.UntilKey, untilText)) },
                new ExecuteAction("Vidarekoppla ändå", ForwardingVerbs.Confirm)
                {
                    Data = CardActions.Data(ForwardingVerbs.Confirm, (ForwardingVerbs.ColleagueIdKey, colleague.Id), (ForwardingVerbs.UntilKey, untilText)),
                },
            ],
            [new TextInput(ForwardingVerbs.ColleagueKey) { Placeholder = "Annan kollega: namn eller e-postadress", MaxLength = 100 }]);
    }

    private static string Hears(string? talsvar) =>
        talsvar is null ? "Du är tillgänglig: den som ringer kopplas fram till dig." : $"Så här hör den som ringer: \"{talsvar}\"";
}
