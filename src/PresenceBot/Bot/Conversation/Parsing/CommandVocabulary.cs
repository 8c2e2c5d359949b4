using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Every command word, Swedish first, then English aliases. Matching tries the longest phrase first, so
/// "gått för dagen" wins over "gått" and its "för dagen" is never left behind as a note.
/// </summary>
internal static class CommandVocabulary
{
    public static IReadOnlyList<CommandWord> Words { get; } = new CommandWord[]
    {
        Referral("frånvarande", Reason.Away), Referral("borta", Reason.Away), Referral("away", Reason.Away), Referral("absent", Reason.Away),
        Referral("sammanträde", Reason.Meeting), Referral("möte", Reason.Meeting), Referral("meeting", Reason.Meeting),
        Referral("lunch", Reason.Lunch),
        Referral("tjänsteresa", Reason.BusinessTrip), Referral("resa", Reason.BusinessTrip), Referral("trip", Reason.BusinessTrip), Referral("business trip", Reason.BusinessTrip),
        Referral("tjänsteärende", Reason.Errand), Referral("ärende", Reason.Errand), Referral("errand", Reason.Errand),
        Referral("utbildning", Reason.Training), Referral("kurs", Reason.Training), Referral("training", Reason.Training), Referral("course", Reason.Training),
        Referral("semester", Reason.Vacation), Referral("vacation", Reason.Vacation), Referral("holiday", Reason.Vacation),
        // VAB (caring for a sick child) is leave; callers hear "är ledig", which is true and says no more.
        Referral("ledig", Reason.Leave), Referral("leave", Reason.Leave), Referral("vab", Reason.Leave),
        Referral("sjuk", Reason.Sick), Referral("sick", Reason.Sick),
        Referral("upptagen", Reason.Busy), Referral("busy", Reason.Busy),
        Referral("gått för dagen", Reason.GoneForDay), Referral("gått hem", Reason.GoneForDay), Referral("gått", Reason.GoneForDay),
        Referral("gone for the day", Reason.GoneForDay), Referral("gone", Reason.GoneForDay),
        Referral("distans", Reason.Remote), Referral("distansarbete", Reason.Remote), Referral("remote", Reason.Remote), Referral("wfh", Reason.Remote),
        new("tillbaka", CommandKind.Return), new("back", CommandKind.Return), new("åter", CommandKind.Return),
        new("status", CommandKind.Status),
        new("koppling", CommandKind.Coupling), new("kalenderkoppling", CommandKind.Coupling), new("coupling", CommandKind.Coupling),
        new("hjälp", CommandKind.Help), new("help", CommandKind.Help),
        new("vidarekoppla", CommandKind.Forward), new("vidarekoppling", CommandKind.Forward), new("koppla", CommandKind.Forward), new("forward", CommandKind.Forward),
        new("enhet", CommandKind.Unit), new("enheten", CommandKind.Unit), new("unit", CommandKind.Unit),
        new("röstbrevlåda", CommandKind.Voicemail), new("röstbrevlådan", CommandKind.Voicemail), new("voicemail", CommandKind.Voicemail),
    }.OrderByDescending(w => w.Folded.Count).ToArray();

    /// <summary>Consumes a command word at the cursor, longest phrase first.</summary>
    public static CommandWord? Match(TokenCursor cursor)
    {
        foreach (var word in Words)
        {
            if (cursor.Accept([.. word.Folded]))
            {
                return word;
            }
        }

        return null;
    }

    private static CommandWord Referral(string display, Reason reason) => new(display, CommandKind.SetReferral, reason);
}
