using NodaTime;

namespace PresenceBot.Referrals.Forwarding;

/// <summary>
/// A stretch inside a forwarding's period when the colleague can't take calls. <see cref="Word"/> says so without
/// saying why ("upptagen", "frånvarande"): a colleague's meeting subject, leave or sickness is not the forwarder's business.
/// </summary>
public sealed record UnreachableStretch(Instant From, Instant To, string Word);
