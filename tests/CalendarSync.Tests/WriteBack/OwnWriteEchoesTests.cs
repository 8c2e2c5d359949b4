using Microsoft.Extensions.Time.Testing;
using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.CalendarSync.Tests.WriteBack;

/// <summary>The notifications of our own writes, told apart from the person's changes by event id and change key.</summary>
public sealed class OwnWriteEchoesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly OwnWriteEchoes _echoes;

    public OwnWriteEchoesTests() => _echoes = new OwnWriteEchoes(_time);

    [Fact]
    public void The_version_we_wrote_is_an_echo_and_another_version_of_the_same_event_is_not()
    {
        _echoes.Written("e1", "ck-1");

        Assert.True(_echoes.IsEcho("created", "e1", "W/\"ck-1\""));
        Assert.True(_echoes.IsEcho("updated", "e1", "W/\"ck-1\""));
        Assert.False(_echoes.IsEcho("updated", "e1", "W/\"ck-2\""), "the person's edit");
        Assert.False(_echoes.IsEcho("updated", "e2", "W/\"ck-1\""), "another event");
        Assert.False(_echoes.IsEcho("deleted", "e1", null), "the person deleted what we wrote");
        Assert.False(_echoes.IsEcho("updated", "e1", null), "no etag: nothing to recognise");
        Assert.False(_echoes.IsEcho("updated", null, "W/\"ck-1\""));
    }

    [Fact]
    public void Every_version_we_wrote_stays_ours_so_a_late_notification_of_an_earlier_write_is_an_echo_too()
    {
        _echoes.Written("e1", "ck-1");
        _echoes.Written("e1", "ck-2");

        Assert.True(_echoes.IsEcho("updated", "e1", "W/\"ck-1\""));
        Assert.True(_echoes.IsEcho("updated", "e1", "W/\"ck-2\""));
    }

    [Fact]
    public void Only_a_deletion_of_ours_is_a_deleted_echo()
    {
        _echoes.Written("e1", "ck-1");
        _echoes.Removed("e1");

        Assert.True(_echoes.IsEcho("deleted", "e1", null));
        Assert.False(_echoes.IsEcho("deleted", "e1", null), "one deletion, one echo: a later one is read");
        Assert.False(_echoes.IsEcho("deleted", "e2", null));
        Assert.False(_echoes.IsEcho("updated", "e1", "W/\"\""), "an empty change key is no deletion");
    }

    [Fact]
    public void A_write_with_no_change_key_in_Graphs_answer_leaves_nothing_to_recognise()
    {
        _echoes.Written("e1", null);
        _echoes.Written("e2", "");

        Assert.False(_echoes.IsEcho("updated", "e1", "W/\"\""));
        Assert.False(_echoes.IsEcho("updated", "e2", "W/\"\""));
    }

    [Fact]
    public void An_echo_is_awaited_for_ten_minutes_then_forgotten()
    {
        _echoes.Written("e1", "ck-1");
        _time.Advance(OwnWriteEchoes.KeptFor);
        Assert.True(_echoes.IsEcho("updated", "e1", "W/\"ck-1\""));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_echoes.IsEcho("updated", "e1", "W/\"ck-1\""));
    }

    [Fact]
    public void A_version_written_again_is_kept_from_its_newer_moment()
    {
        _echoes.Written("e1", "ck-1");
        _time.Advance(TimeSpan.FromMinutes(6));
        _echoes.Written("e1", "ck-1");
        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.True(_echoes.IsEcho("updated", "e1", "W/\"ck-1\""));
    }

    [Fact]
    public void Memory_is_bounded_the_oldest_writes_going_first()
    {
        for (var i = 0; i <= OwnWriteEchoes.Capacity; i++)
        {
            _echoes.Written($"e{i}", "ck");
        }

        Assert.False(_echoes.IsEcho("updated", "e0", "W/\"ck\""));
        Assert.True(_echoes.IsEcho("updated", "e1", "W/\"ck\""));
        Assert.True(_echoes.IsEcho("updated", $"e{OwnWriteEchoes.Capacity}", "W/\"ck\""));
    }

    [Theory]
    [InlineData("W/\"CQAAABYAAAA\"", "CQAAABYAAAA")]
    [InlineData("\"CQAAABYAAAA\"", "CQAAABYAAAA")]
    [InlineData("CQAAABYAAAA", "CQAAABYAAAA")]
    [InlineData("W/\"\"", null)]
    [InlineData(null, null)]
    public void The_change_key_is_read_from_a_weak_or_strong_etag(string? etag, string? changeKey) =>
        Assert.Equal(changeKey, OwnWriteEchoes.ChangeKeyOf(etag));
}
