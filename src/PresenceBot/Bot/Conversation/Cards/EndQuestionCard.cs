using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Referrals.Referrals;
using PresenceBot.TeamsChannel.Cards;

namespace PresenceBot.Bot.Conversation.Cards;

/// <summary>
/// Asks for the end a command left out: quick picks, or a date and time. The reason and note travel in the buttons'
/// data, so nothing is stored (or remembered on the server) until an answer comes.
/// </summary>
internal static class EndQuestionCard
{
    public const string PickKey = "pick";
    public const string ReasonKey = "reason";
    public const string NoteKey = "note";

    /// <summary>
    /// "Hur länge gäller det (sammanträde)?": the card's heading, and its preview text. The reason in brackets, since
    /// not every reason's word reads as a noun after "gäller" ("sjuk", "ledig", "gått för dagen").
    /// </summary>
    public static string Question(Reason reason) => $"Hur länge gäller det ({ReasonCatalog.OwnWord(reason)})?";

    /// <summary>The question, offering only picks that are still ahead at <paramref name="time"/> (no "15.00" after three).</summary>
    public static AdaptiveCard Build(Reason reason, string? note, string version, TimeContext time, string? error = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Question(reason)) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock("En hänvisning behöver en sluttid. Inget är sparat ännu: välj när du är tillbaka."),
        };
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Color = TextColor.Attention });
        }

        body.Add(new DateInput(ReturnTimeInput.DateKey) { Label = "Datum" });
        body.Add(new TimeInput(ReturnTimeInput.TimeKey) { Label = "Klockan" });
        var actions = EndPick.Offered(time).Select(p => Pick(p.Title, p.Pick, reason, note, version)).ToList();
        actions.Add(Pick("Spara vald tid", EndPick.Chosen, reason, note, version));
        return new AdaptiveCard { Body = body, Actions = actions };
    }

    private static ExecuteAction Pick(string title, string pick, Reason reason, string? note, string version) =>
        new(title, CardVerbs.PickEnd)
        {
            Data = CardActions.Data(CardVerbs.PickEnd, (PickKey, pick), (ReasonKey, ReasonCatalog.Code(reason)), (NoteKey, note), (CardVerbs.VersionKey, version)),
        };
}
