namespace PresenceBot.Publishing;

/// <summary>Every configured destination, built once from the options.</summary>
internal sealed class Publishers(IReadOnlyList<IPublisher> all)
{
    public IReadOnlyList<IPublisher> All { get; } = all;
}
