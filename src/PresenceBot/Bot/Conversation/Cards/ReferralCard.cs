using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Talsvar;
using PresenceBot.TeamsChannel.Cards;

namespace PresenceBot.Bot.Conversation.Cards;

/// <summary>
/// Every confirmation and status: what callers will hear and when it ends, with "Tillbaka nu" and "Ändra". The buttons
/// carry the status they were drawn from, so a press after the referral changed is recognised as stale.
/// </summary>
internal static class ReferralCard
{
    public static AdaptiveCard Build(ReferralView view, TimeContext time)
    {
        var body = new List<CardElement> { new TextBlock(view.Heading) { Weight = TextWeight.Bolder, Size = TextSize.Medium } };
        if (view.Notice is { } notice)
        {
            body.Add(new TextBlock(notice) { Color = TextColor.Attention });
        }

        body.Add(new TextBlock(view switch
        {
            { Talsvar: { } talsvar } => $"Så här hör den som ringer: \"{talsvar}\"",
            { ForwardedTo: { } forwardedTo } => $"Du är tillgänglig, men samtal till dig kopplas till {forwardedTo}.",
            _ => "Du är tillgänglig: den som ringer kopplas fram till dig.",
        }));
        var facts = new List<Fact>();
        if (view.Reason is { } reason)
        {
            facts.Add(new Fact("Orsak", ReasonCatalog.OwnWord(reason)));
        }

        if (view.ReturnsAt is { } returnsAt)
        {
            facts.Add(new Fact("Slutar", TalsvarText.When(returnsAt, time.Now, time.Zone)));
        }

        if (view.Phone is { } phone)
        {
            facts.Add(new Fact("Telefon", phone == PhoneState.Open ? "öppen (ringer)" : "stängd"));
        }

        if (view is { ForwardedTo: { } colleague, ForwardUntil: { } until })
        {
            facts.Add(new Fact("Vidarekopplat", $"till {colleague} till {ForwardingText.At(until, time.Now, time.Zone)}"));
        }

        if (view.Note is { } note)
        {
            facts.Add(new Fact("Anteckning", note));
        }

        if (facts.Count > 0)
        {
            body.Add(new FactSet(facts));
        }

        body.AddRange(view.Lines.Select(line => new TextBlock(line)));
        return new AdaptiveCard { Body = body, Actions = Actions(view) };
    }

    private static List<CardAction> Actions(ReferralView view)
    {
        var data = CardActions.Data(CardVerbs.Return, (CardVerbs.VersionKey, view.Version));
        var actions = new List<CardAction>();
        if (view.ReturnsAt is not null)
        {
            actions.Add(new ExecuteAction("Tillbaka nu", CardVerbs.Return) { Data = data, Style = CardActionStyle.Positive });
        }

        actions.Add(new ExecuteAction("Ändra", CardVerbs.Edit) { Data = CardActions.Data(CardVerbs.Edit, (CardVerbs.VersionKey, view.Version)) });
        return actions;
    }
}
