namespace PresenceBot.TeamsChannel.Activities;

/// <summary>The connector's answer to a send or a conversation create: the new resource's id.</summary>
internal sealed record ResourceResponse
{
    public string? Id { get; init; }
}
