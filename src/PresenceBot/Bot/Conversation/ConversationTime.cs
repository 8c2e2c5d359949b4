using NodaTime;
using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.WorkingTime;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// The time context of a turn: now, the writer's own zone when Teams sent one we know (else the organisation's),
/// and the organisation's working calendar.
/// </summary>
internal sealed class ConversationTime(ReferralService referrals, IOrganisationSource organisation)
{
    public TimeContext For(IBotTurn turn)
    {
        var org = organisation.Current;
        var zone = turn.TimeZone is { } id ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? org.TimeZone : org.TimeZone;
        return new TimeContext(referrals.Now, zone, new WorkingCalendar(org));
    }
}
