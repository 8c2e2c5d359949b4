using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PresenceBot.TeamsChannel.Authentication;

namespace PresenceBot.TeamsChannel.Proactive;

/// <summary>
/// A circuit breaker per person's chat: after <see cref="BotOptions.FailuresBeforePause"/> consecutive failures the
/// chat is left alone for <see cref="BotOptions.PauseAfterFailures"/> (on the injected clock), then one try decides
/// again. Only failing chats have an entry (a success removes it), so memory stays bounded by the people.
/// </summary>
internal sealed class ConversationBreaker(IOptions<BotOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Failures> _failing = new(StringComparer.OrdinalIgnoreCase);

    public bool IsPaused(string personId) =>
        _failing.TryGetValue(personId, out var failures) && failures.PausedUntil is { } until && time.GetUtcNow() < until;

    public void Succeeded(string personId) => _failing.TryRemove(personId, out _);

    /// <summary>Counts a failure; true when it pauses the chat.</summary>
    public bool Failed(string personId)
    {
        var bot = options.Value;
        var now = time.GetUtcNow();
        var updated = _failing.AddOrUpdate(personId, _ => Next(new Failures(0, null)), (_, current) => Next(current));
        return updated.PausedUntil is { } until && until > now && updated.Count == bot.FailuresBeforePause;

        Failures Next(Failures current)
        {
            // A try after a pause that fails again pauses again at once; below the threshold the count just grows.
            var count = current.PausedUntil is not null ? bot.FailuresBeforePause : current.Count + 1;
            return new Failures(count, count >= bot.FailuresBeforePause ? now + bot.PauseAfterFailures : null);
        }
    }

    private sealed record Failures(int Count, DateTimeOffset? PausedUntil);
}
