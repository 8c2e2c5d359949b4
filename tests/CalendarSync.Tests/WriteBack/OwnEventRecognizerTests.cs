using Microsoft.Extensions.Logging.Abstractions;
using PresenceBot.CalendarSync.Mapping;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.WriteBack;
using static PresenceBot.CalendarSync.Tests.Mapping.MappingFixtures;

namespace PresenceBot.CalendarSync.Tests.WriteBack;

/// <summary>The calendar sync's view of our own write-back events: pass over our writes, hand over the person's edits and deletions.</summary>
public sealed class OwnEventRecognizerTests
{
    private const string Person = "kim";
    private static readonly Guid ReferralId = Guid.Parse("0b0e1c9a-6c53-4a53-9a55-1f1d8a1f0001");
    private static readonly WriteBackEvent Wrote = new(ReferralId, "SAM: Sammanträde", At("2026-11-23T09:00:00+01:00"), At("2026-11-23T15:00:00+01:00"), "busy");

    private readonly FakeWrittenEvents _fake = new();

    [Fact]
    public async Task Sort_OurEventSayingWhatWeWrote_IsPassedOver()
    {
        _fake.Rows.Add(new WrittenEvent(ReferralId, Person, "e1", Wrote.Fingerprint, null, WrittenEventState.Active));

        var own = await SortAsync(Read([
            Event("e1", Wrote.Subject, "2026-11-23T08:00:00.0000000", "2026-11-23T14:00:00.0000000"),
            Event("b1", "SAM: Budgetberedning", "2026-11-23T14:00:00", "2026-11-23T15:00:00")]));

        Assert.Equal(["e1"], own.PassOver);
        Assert.Empty(own.EndedReferrals);
        Assert.Empty(_fake.Released);
        // No create is unconfirmed: the person's own coded booking costs no read of its mark.
        Assert.Empty(_fake.MarksRead);
    }

    [Fact]
    public async Task Sort_OurEventWhileAWriteIsUnderWay_IsPassedOverWithEitherContent()
    {
        var moved = Wrote with { End = At("2026-11-23T11:00:00+01:00") };
        _fake.Rows.Add(new WrittenEvent(ReferralId, Person, "e1", Wrote.Fingerprint, moved.Fingerprint, WrittenEventState.Active));

        var own = await SortAsync(Read([Event("e1", Wrote.Subject, "2026-11-23T08:00:00", "2026-11-23T10:00:00")]));

        Assert.Contains("e1", own.PassOver);
    }

    [Fact]
    public async Task Sort_OurEventMovedByThePerson_IsTheirsAndEndsTheReferral()
    {
        _fake.Rows.Add(new WrittenEvent(ReferralId, Person, "e1", Wrote.Fingerprint, null, WrittenEventState.Active));

        var own = await SortAsync(Read([Event("e1", Wrote.Subject, "2026-11-23T08:00:00", "2026-11-23T15:00:00")]));

        Assert.DoesNotContain("e1", own.PassOver);
        Assert.Equal([ReferralId], own.EndedReferrals);
        Assert.Equal([ReferralId], _fake.Released);
    }

    [Fact]
    public async Task Sort_OurEventDeletedByThePerson_EndsTheReferral_OurOwnDeletionDoesNot()
    {
        var other = Guid.NewGuid();
        _fake.Rows.Add(new WrittenEvent(ReferralId, Person, "e1", Wrote.Fingerprint, null, WrittenEventState.Active));
        _fake.Rows.Add(new WrittenEvent(other, Person, "e2", Wrote.Fingerprint, null, WrittenEventState.Deleted));

        var own = await SortAsync(Read([], removed: ["e1", "e2"]));

        Assert.Equal([ReferralId], own.EndedReferrals);
        Assert.Equal([ReferralId], _fake.Released);
    }

    [Fact]
    public async Task Sort_AnEventOfACreateWhoseAnswerWasLost_IsFoundByItsMarkAndAdopted()
    {
        _fake.Rows.Add(new WrittenEvent(ReferralId, Person, null, null, Wrote.Fingerprint, WrittenEventState.Active));
        _fake.Marks["e9"] = ReferralId;

        var own = await SortAsync(Read([Event("e9", Wrote.Subject, "2026-11-23T08:00:00", "2026-11-23T14:00:00"), Event("b1", "Budgetberedning", "2026-11-23T08:00:00", "2026-11-23T09:00:00")]));

        Assert.Contains("e9", own.PassOver);
        Assert.DoesNotContain("b1", own.PassOver);
        Assert.Equal(["e9"], _fake.MarksRead);
        Assert.Equal("e9", _fake.Rows.Single().EventId);
    }

    private Task<OwnEvents> SortAsync(CalendarRead read) => new OwnEventRecognizer(_fake, _fake, NullLogger<OwnEventRecognizer>.Instance).SortAsync(Person, read, CancellationToken.None);

    private static CalendarRead Read(IReadOnlyList<CalendarEvent> events, IReadOnlyList<string>? removed = null) => new(events, removed ?? [], "delta", false);

    private static CalendarEvent Event(string id, string subject, string startUtc, string endUtc) => Meeting() with
    {
        Id = id,
        Subject = subject,
        Start = new DateTimeTimeZone(startUtc, "UTC"),
        End = new DateTimeTimeZone(endUtc, "UTC"),
    };
}
