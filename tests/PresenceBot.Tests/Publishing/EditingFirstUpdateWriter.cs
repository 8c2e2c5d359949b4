using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// The real writer, except that the person edits the event in Outlook (<paramref name="edit"/>) just before our first
/// change of it reaches Graph: the change names a version that is no longer there.
/// </summary>
internal sealed class EditingFirstUpdateWriter(IOutlookEventWriter inner, Func<string, string, Task> edit) : DelegatingEventWriter(inner)
{
    private int _edited;

    public override async Task<EventWrite> UpdateAsync(string personId, string eventId, string changeKey, WriteBackEvent written, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _edited, 1) == 0)
        {
            await edit(personId, eventId);
        }

        return await Inner.UpdateAsync(personId, eventId, changeKey, written, cancellationToken);
    }
}
