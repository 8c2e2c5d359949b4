using System.Collections.Frozen;
using PresenceBot.CalendarSync.Mapping;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// Turns a manual referral into its Outlook event: subject <c>SAM: Sammanträde</c> (<c>:</c> closed phone, <c>;</c> open),
/// the code being one the calendar mapping reads back as the same reason, so a switchboard and our own mapping agree.
/// The reason goes through <see cref="ReasonCatalog.Disclosed"/> first: sick is written <c>FRÅ: Frånvarande</c>, and
/// the note is never written.
/// </summary>
public static class WriteBackComposer
{
    private static readonly FrozenDictionary<Reason, string> CodeOf = MappingRules.WrittenSubjectCodes().ToFrozenDictionary();

    public static WriteBackEvent Compose(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var reason = ReasonCatalog.Disclosed(referral.Reason);
        var separator = referral.Phone == PhoneState.Open ? ';' : ':';
        var word = ReasonCatalog.SwedishWord(reason);
        var subject = $"{CodeOf[reason]}{separator} {char.ToUpperInvariant(word[0])}{word[1..]}";
        return new WriteBackEvent(referral.Id, subject, referral.Start, referral.EffectiveEnd, ShowAs(reason));
    }

    /// <summary>
    /// What free/busy readers (Telia Smart Connect) see: out of office for vacation and leave, busy for everything else.
    /// Not "workingElsewhere" for remote work: the calendar mapping reads that show-as before any subject code, so the
    /// event would no longer say which phone state the person chose.
    /// </summary>
    private static string ShowAs(Reason reason) => reason is Reason.Vacation or Reason.Leave ? "oof" : "busy";
}
