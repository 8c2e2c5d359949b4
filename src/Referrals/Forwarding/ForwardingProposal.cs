namespace PresenceBot.Referrals.Forwarding;

/// <summary>A forwarding checked but not stored: the colleague's unreachable stretches in its period (none = reachable throughout).</summary>
public sealed record ForwardingProposal(CallForwarding Forwarding, IReadOnlyList<UnreachableStretch> Unreachable)
{
    public bool ReachableThroughout => Unreachable.Count == 0;
}
