namespace PresenceBot.CalendarSync.Presence;

/// <summary>Reads and sets a person's Teams status message (Graph presence; application permission Presence.ReadWrite.All).</summary>
public interface IStatusMessageClient
{
    /// <summary>The text of the message in force now, or null when there is none.</summary>
    Task<string?> GetTextAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Sets <paramref name="message"/>, or clears the message when it is null.</summary>
    Task SetAsync(string personId, StatusMessage? message, CancellationToken cancellationToken);
}
