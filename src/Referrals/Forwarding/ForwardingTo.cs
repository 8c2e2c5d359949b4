namespace PresenceBot.Referrals.Forwarding;

/// <summary>A forwarding from <paramref name="Person"/> to a colleague, in force or set to begin later.</summary>
public sealed record ForwardingTo(Organisation.Person Person, CallForwarding Forwarding);
