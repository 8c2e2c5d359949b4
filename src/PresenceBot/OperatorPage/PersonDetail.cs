namespace PresenceBot.OperatorPage;

/// <summary>A person opened on the page: now, the note and source of what is in force, and the next referred stretch (within a week).</summary>
public sealed record PersonDetail(PersonEntry Person, string? Note, string? Source, StretchEntry? Next);
