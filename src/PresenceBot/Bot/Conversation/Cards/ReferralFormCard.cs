using NodaTime;
using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Referrals.Referrals;
using PresenceBot.TeamsChannel.Cards;

namespace PresenceBot.Bot.Conversation.Cards;

/// <summary>
/// The set-referral form behind "Ändra": reason, return date and time, phone open or closed, note. Shown again with
/// the person's own entries and the errors when a submit is refused.
/// </summary>
internal static class ReferralFormCard
{
    public const string ReasonKey = "reason";
    public const string PhoneKey = "phone";
    public const string NoteKey = "note";

    private static readonly IReadOnlyList<Choice> Reasons =
        Enum.GetValues<Reason>().Select(r => new Choice(Capitalize(ReasonCatalog.OwnWord(r)), ReasonCatalog.Code(r))).ToList();

    public static AdaptiveCard Build(ReferralFormValues values, string version, IReadOnlyList<string>? errors = null)
    {
        var body = new List<CardElement> { new TextBlock("Ändra hänvisning") { Weight = TextWeight.Bolder, Size = TextSize.Medium } };
        body.AddRange((errors ?? []).Select(error => new TextBlock(error) { Color = TextColor.Attention }));
        body.Add(new ChoiceSetInput(ReasonKey, Reasons) { Label = "Orsak", Value = values.Reason, Style = ChoiceInputStyle.Compact, IsRequired = true });
        body.Add(new DateInput(ReturnTimeInput.DateKey) { Label = "Tillbaka datum", Value = values.Date });
        body.Add(new TimeInput(ReturnTimeInput.TimeKey) { Label = "Tillbaka klockan", Value = values.Time });
        body.Add(new ToggleInput(PhoneKey, "Telefonen ringer medan hänvisningen gäller")
        {
            Value = values.Phone ?? "closed",
            ValueOn = "open",
            ValueOff = "closed",
        });
        body.Add(new TextInput(NoteKey) { Label = "Anteckning (hörs inte av den som ringer)", Value = values.Note, MaxLength = ReferralForm.MaxNoteLength });
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Spara", CardVerbs.Set) { Data = CardActions.Data(CardVerbs.Set, (CardVerbs.VersionKey, version)), Style = CardActionStyle.Positive }],
        };
    }

    /// <summary>The form filled in from what is in force, so "Ändra" starts from the referral being changed.</summary>
    public static ReferralFormValues From(ReferralView view, TimeContext time)
    {
        var back = view.ReturnsAt?.InZone(time.Zone).LocalDateTime;
        return new ReferralFormValues(
            view.Reason is { } reason ? ReasonCatalog.Code(reason) : null,
            back is { } b ? new DateOnly(b.Year, b.Month, b.Day) : null,
            back is { } t ? new TimeOnly(t.Hour, t.Minute) : null,
            view.Phone is PhoneState.Open ? "open" : "closed",
            view.Note);
    }

    private static string Capitalize(string word) => string.Concat(char.ToUpperInvariant(word[0]).ToString(), word[1..]);
}
