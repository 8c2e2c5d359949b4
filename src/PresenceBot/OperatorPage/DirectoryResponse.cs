namespace PresenceBot.OperatorPage;

/// <summary>Everyone and every unit, now: what the page searches in.</summary>
public sealed record DirectoryResponse(DateTimeOffset Now, IReadOnlyList<UnitEntry> Units, IReadOnlyList<PersonEntry> People);
