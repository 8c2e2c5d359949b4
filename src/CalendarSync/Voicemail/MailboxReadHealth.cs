using System.Collections.Concurrent;

namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>
/// Which inboxes failed to read last time and how, so a mailbox that stays unreadable (no licence, no permission) is
/// reported when it starts failing and when it recovers, not every two minutes.
/// </summary>
internal sealed class MailboxReadHealth
{
    private readonly ConcurrentDictionary<string, int?> _failing = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a failure; true when it is news (the inbox was fine, or failed differently, last time).</summary>
    public bool Failed(string personId, int? status)
    {
        var news = !_failing.TryGetValue(personId, out var before) || before != status;
        _failing[personId] = status;
        return news;
    }

    /// <summary>Records a successful read; true when the inbox had been failing.</summary>
    public bool Succeeded(string personId) => _failing.TryRemove(personId, out _);
}
