using NodaTime;

namespace PresenceBot.Referrals.Reminders;

/// <summary>
/// A message a policy decided to send, ready for any channel: texts in Swedish, facts, offered buttons.
/// <see cref="Subject"/> is what it is about (the person for voicemail and warnings, the unit for coverage) and
/// <see cref="Slot"/> names the occasion; with <see cref="Kind"/> and <see cref="RecipientId"/> they form the
/// once-only key, so the same reminder is never sent twice, even by two instances.
/// </summary>
public sealed record ReminderMessage
{
    public required ReminderKind Kind { get; init; }

    /// <summary>The Entra object id of the person to message.</summary>
    public required string RecipientId { get; init; }

    public required string Subject { get; init; }

    public required string Slot { get; init; }

    /// <summary>The headline ("Du har 2 olyssnade röstmeddelanden").</summary>
    public required string Title { get; init; }

    /// <summary>The body sentence; a plain-text channel can send Title + Text alone.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<ReminderFact> Facts { get; init; } = [];

    public IReadOnlyList<ReminderAction> Actions { get; init; } = [];

    /// <summary>When it became due (the once-only slot is derived from the occasion, not from this).</summary>
    public required Instant DueAt { get; init; }
}
