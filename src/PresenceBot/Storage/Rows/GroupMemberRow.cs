namespace PresenceBot.Storage.Rows;

/// <summary>A user in an Entra ID group as last read, with the UPN and name the organisation needs (Graph's delta gives only the id).</summary>
internal sealed class GroupMemberRow
{
    public required string GroupId { get; set; }

    public required string UserId { get; set; }

    public required string Upn { get; set; }

    public required string Name { get; set; }
}
