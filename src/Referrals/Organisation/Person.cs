namespace PresenceBot.Referrals.Organisation;

/// <summary>A member of staff. <see cref="Id"/> is the Entra object id.</summary>
public sealed record Person
{
    public required string Id { get; init; }

    public required string Upn { get; init; }

    public required string Name { get; init; }

    public required Unit Unit { get; init; }

    public string? Extension { get; init; }

    /// <summary>The person's own coupling, or the organisation default when the file gives none.</summary>
    public required CalendarCoupling CalendarCoupling { get; init; }

    /// <summary>
    /// Voicemail reaches this person as mail (Teams Phone): their inbox is read for it. The person's own setting, or
    /// their municipality's when the file gives none.
    /// </summary>
    public bool VoicemailFromMailbox { get; init; }

    public Municipality Municipality => Unit.Municipality;
}
