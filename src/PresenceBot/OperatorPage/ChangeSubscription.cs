using System.Threading.Channels;

namespace PresenceBot.OperatorPage;

/// <summary>One open page's view of the <see cref="ChangeFeed"/>: the ids of people whose referrals changed.</summary>
internal sealed class ChangeSubscription(ChannelReader<string> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<string> Reader => reader;

    public void Dispose() => unsubscribe();
}
