using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// Outlook booking → Graph notification → our webhook (202) → Hangfire re-read → referral at
/// GET /api/referrals/{person}, all over real loopback HTTP with the built-in stand-in. The clock stands at
/// Monday 2026-11-23 09:00 Stockholm.
/// </summary>
public sealed class CalendarBookingTests : IAsyncLifetime
{
    private CalendarTestHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task At_start_every_coupled_person_has_a_validated_subscription_and_coupling_off_has_none()
    {
        var graph = _host.Graph;
        var expected = _host.CoupledPeople.Select(p => $"/users/{p.Id}/events").Order(StringComparer.OrdinalIgnoreCase).ToList();

        // The stand-in only keeps a subscription whose notification and lifecycle URLs passed the handshake.
        Assert.Equal(expected, graph.Subscriptions.Select(s => s.Resource).Order(StringComparer.OrdinalIgnoreCase).ToList());
        Assert.Contains(graph.Subscriptions, s => s.Resource.Contains(Kim, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(graph.Subscriptions, s => s.Resource.Contains(Sara, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(graph.Subscriptions, s => s.Resource.Contains(Lena, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(graph.Subscriptions.Count, graph.Stats.ValidationsSucceeded / 2);
        Assert.All(graph.Subscriptions, s =>
        {
            Assert.EndsWith("/api/graph/notifications", s.NotificationUrl, StringComparison.Ordinal);
            Assert.EndsWith("/api/graph/lifecycle", s.LifecycleNotificationUrl, StringComparison.Ordinal);
            Assert.Equal("created,updated,deleted", s.ChangeType);
        });

        var kim = await _host.SubscriptionOfAsync(Kim);
        var atGraph = Assert.Single(graph.Subscriptions, s => s.Id == kim.Id);
        Assert.Equal(kim.ClientState, atGraph.ClientState);
        Assert.NotEqual(kim.ClientState, (await _host.SubscriptionOfAsync(Sara)).ClientState);
        Assert.Equal(0, await _host.CountAsync("graph_subscriptions", $"PersonId = '{Lena}'"));
    }

    [Fact]
    public async Task A_busy_booking_refers_Kim_to_a_meeting_with_a_closed_phone_and_moves_and_goes_with_the_booking()
    {
        var id = await _host.BookAsync(Kim, Draft("Budget", "2026-11-23T08:30:00", "2026-11-23T10:30:00"));

        var status = await _host.StatusWhenAsync(Kim, s => (string?)s["state"] == "referred", "Kim referred");
        Assert.Equal("meeting", (string?)status["reason"]);
        Assert.Equal("calendar", (string?)status["source"]);
        Assert.Equal("closed", (string?)status["phone"]);
        Assert.Equal("2026-11-23T10:30:00+01:00", (string?)status["returnsAt"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 10.30.", (string?)status["talsvar"]);

        await _host.Graph.Calendars.UpdateEventAsync(Kim, id, new() { End = new("2026-11-23T11:45:00", Zone) }, CancellationToken.None);
        await _host.StatusWhenAsync(Kim, s => (string?)s["returnsAt"] == "2026-11-23T11:45:00+01:00", "return time moved to 11:45");

        await _host.Graph.Calendars.DeleteEventAsync(Kim, id, CancellationToken.None);
        var after = await _host.StatusWhenAsync(Kim, s => (string?)s["state"] == "available", "Kim available again");
        Assert.Null(after["talsvar"]);
        await _host.SettledAsync();
        Assert.Equal(0, await _host.CountAsync("referrals", $"PersonId = '{Kim}' AND Source = 'Calendar'"));
    }

    [Fact]
    public async Task Sara_with_open_coupling_keeps_her_phone_open_in_a_meeting()
    {
        await _host.BookAsync(Sara, Draft("Samverkan", "2026-11-23T08:00:00", "2026-11-23T12:00:00"));

        var status = await _host.StatusWhenAsync(Sara, s => (string?)s["state"] == "referred", "Sara referred");
        Assert.Equal("meeting", (string?)status["reason"]);
        Assert.Equal("open", (string?)status["phone"]);
        Assert.Equal("2026-11-23T12:00:00+01:00", (string?)status["returnsAt"]);
    }

    [Fact]
    public async Task Category_Semester_is_vacation()
    {
        await _host.BookAsync(Kim, Draft("Ledig vecka", "2026-11-23T08:00:00", "2026-11-24T17:00:00") with { Categories = ["Semester"] });

        var status = await _host.StatusWhenAsync(Kim, s => (string?)s["state"] == "referred", "Kim referred");
        Assert.Equal("vacation", (string?)status["reason"]);
        Assert.Equal("closed", (string?)status["phone"]);
        Assert.Equal("2026-11-25T08:00:00+01:00", (string?)status["returnsAt"]);
    }

    [Fact]
    public async Task Subject_code_LUN_semicolon_is_lunch_with_the_phone_open_even_for_closed_coupling()
    {
        await _host.BookAsync(Kim, Draft("LUN; Lunch", "2026-11-23T08:45:00", "2026-11-23T09:30:00"));

        var status = await _host.StatusWhenAsync(Kim, s => (string?)s["state"] == "referred", "Kim referred");
        Assert.Equal("lunch", (string?)status["reason"]);
        Assert.Equal("open", (string?)status["phone"]);
        Assert.Equal("2026-11-23T09:30:00+01:00", (string?)status["returnsAt"]);
    }

    [Fact]
    public async Task Back_to_back_bookings_merge_into_one_absence()
    {
        await _host.BookAsync(Kim, Draft("SAM: Nämnd", "2026-11-23T08:30:00", "2026-11-23T10:00:00"));
        await _host.BookAsync(Kim, Draft("MÖT: Uppföljning", "2026-11-23T10:00:00", "2026-11-23T11:00:00"));
        await _host.BookAsync(Kim, Draft("MÖT: Efter en paus", "2026-11-23T11:10:00", "2026-11-23T12:00:00"));

        var status = await _host.StatusWhenAsync(
            Kim, s => (string?)s["returnsAt"] == "2026-11-23T12:00:00+01:00", "the three bookings (gap 10 min < 15) merged");
        Assert.Equal("meeting", (string?)status["reason"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 12.00.", (string?)status["talsvar"]);
    }

    [Fact]
    public async Task An_all_day_out_of_office_on_Friday_returns_Monday_at_eight()
    {
        await _host.BookAsync(Kim, new()
        {
            Subject = "Ledig",
            ShowAs = "oof",
            IsAllDay = true,
            Start = new("2026-11-27T00:00:00", Zone),
            End = new("2026-11-28T00:00:00", Zone),
        });
        var segment = await Eventually.ValueAsync(
            async () => (await _host.Client.GetJsonAsync($"/api/referrals/{Kim}/timeline?from=2026-11-27T10:00&to=2026-11-27T11:00")).Body!["segments"]![0]!,
            s => (string?)s["state"] == "referred",
            "Friday referred on the timeline");
        Assert.Equal("away", (string?)segment["reason"]);
        Assert.Equal("2026-11-30T08:00:00+01:00", (string?)segment["returnsAt"]);

        _host.App.Clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(1)); // Friday 10:00
        var status = await _host.StatusAsync(Kim);
        Assert.Equal("referred", (string?)status["state"]);
        Assert.Equal("2026-11-30T08:00:00+01:00", (string?)status["returnsAt"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är frånvarande och återkommer på måndag klockan 08.00.", (string?)status["talsvar"]);
    }

    [Fact]
    public async Task A_person_with_coupling_off_gets_no_referral_from_bookings()
    {
        await _host.BookAsync(Lena, Draft("SAM: Bygglov", "2026-11-23T08:00:00", "2026-11-23T12:00:00"));
        await _host.BookAsync(Kim, Draft("SAM: Samtidigt", "2026-11-23T08:00:00", "2026-11-23T12:00:00"));

        // Kim's referral shows the pipeline ran; Lena's calendar was never subscribed, so nothing arrives for her.
        await _host.StatusWhenAsync(Kim, s => (string?)s["state"] == "referred", "Kim referred");
        await _host.SettledAsync();
        Assert.Equal("available", (string?)(await _host.StatusAsync(Lena))["state"]);
        Assert.Equal(0, await _host.CountAsync("work_items", $"Key = '{Lena}'"));
        Assert.Equal(0, await _host.CountAsync("referrals", $"PersonId = '{Lena}'"));
        Assert.DoesNotContain(_host.Graph.Subscriptions, s => s.Resource.Contains(Lena, StringComparison.OrdinalIgnoreCase));
    }
}
