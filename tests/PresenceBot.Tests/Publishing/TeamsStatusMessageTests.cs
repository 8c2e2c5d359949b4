using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Calendar;
using PresenceBot.GraphStandIn.Presence;
using PresenceBot.Tests.Calendar;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Publishing;

/// <summary>Issue 12 §4: the Teams status message says what callers hear while a referral is in force, and never touches the person's own.</summary>
public sealed class TeamsStatusMessageTests : IAsyncLifetime
{
    private readonly PresenceBotApplication _app = new(new Dictionary<string, string?> { ["Publish:TeamsStatusMessage"] = "true" });
    private HttpClient _client = null!;

    private StandInPresence Presence => _app.Services.GetRequiredService<GraphStandInHost>().Server!.Presence;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Set_replaced_and_cleared_with_the_referral_and_sick_leave_is_said_as_away()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00", note = "Budget" });
        var set = await MessageAsync(m => m?.Content == "Är på sammanträde och återkommer klockan 15.00.", "the meeting's message");
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), set!.ExpiresAt);

        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "sick", until = "2026-11-24T08:00" });
        await MessageAsync(m => m?.Content == "Är frånvarande och återkommer den 24 november klockan 08.00.", "the sick leave's message, as away");

        await _client.DeleteJsonAsync($"/api/referrals/{KimUpn}/manual");
        await MessageAsync(m => m is null, "cleared on return");

        var history = Presence.History(KimId);
        Assert.All(history, m => Assert.Equal(StatusMessageAuthor.Application, m.SetBy));
        Assert.DoesNotContain(history, m => m.Content.Contains("sjuk", StringComparison.OrdinalIgnoreCase) || m.Content.Contains("Budget", StringComparison.Ordinal));
        Assert.DoesNotContain(history, m => m.Content.Contains("Kim", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_the_person_wrote_is_never_replaced_or_cleared()
    {
        Presence.SetStatusMessage(KimId, new StatusMessageDraft(new GraphStandIn.Calendars.ItemBody("text", "Jobbar med budgeten i dag"), null), StatusMessageAuthor.User);

        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        await _client.DeleteJsonAsync($"/api/referrals/{KimUpn}/manual");
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "lunch", until = "2026-11-23T12:00" });
        await SettledAsync();

        Assert.Equal("Jobbar med budgeten i dag", Presence.Current(KimId)?.Content);
        Assert.All(Presence.History(KimId), m => Assert.Equal(StatusMessageAuthor.User, m.SetBy));

        // Once the person clears their own, the next change is shown again.
        Presence.SetStatusMessage(KimId, new StatusMessageDraft(new GraphStandIn.Calendars.ItemBody("text", ""), null), StatusMessageAuthor.User);
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        await MessageAsync(m => m?.Content == "Är på sammanträde och återkommer klockan 15.00.", "ours again after theirs was cleared");
    }

    private Task<StatusMessage?> MessageAsync(Func<StatusMessage?, bool> until, string what) =>
        Eventually.ValueAsync(() => Task.FromResult(Presence.Current(KimId)), until, what);

    /// <summary>Waits until every change was handed to the publisher and it has done its work (what is due later may wait).</summary>
    private Task SettledAsync() =>
        Eventually.TrueAsync(
            async () => await TestDatabase.CountAsync(_app.DatabasePath, "work_items", "\"Kind\" IN ('referral-changed', 'publish:teams-status')") == 0,
            "the changes published");
}
