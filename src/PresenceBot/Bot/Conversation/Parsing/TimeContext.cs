using NodaTime;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// What a time expression is read against. <see cref="Zone"/> is the writer's own zone (Teams clientInfo, else the
/// organisation's): "15:00" and "i morgon" mean their wall clock. Working-day facts (holidays, 08:00, 17:00) come
/// from <see cref="Calendar"/>, which speaks the organisation's zone, because that is when callers are served.
/// </summary>
public sealed record TimeContext(Instant Now, DateTimeZone Zone, WorkingCalendar Calendar);
