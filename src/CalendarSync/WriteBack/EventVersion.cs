namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// One version of an event in the person's calendar: its id, Graph's <c>changeKey</c> of this version (what a write
/// names in <c>If-Match</c> so it can't overwrite a newer one) and the <see cref="WriteBackEvent.Fingerprint"/> of what
/// it says.
/// </summary>
public sealed record EventVersion(string Id, string? ChangeKey, string Fingerprint);
