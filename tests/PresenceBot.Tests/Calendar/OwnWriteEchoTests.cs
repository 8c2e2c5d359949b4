using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.CalendarSync.WriteBack;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// The change notification of our own write-back (the event version our write left, or our deletion) is accepted and
/// queues no re-read; the person's change of the same event is re-read as always. The queue's worker does not run here,
/// so what the webhook asked for stays in <c>work_items</c> to be counted.
/// </summary>
public sealed class OwnWriteEchoTests : IAsyncLifetime
{
    private const string Rereads = "Kind = 'calendar-reread'";
    private CalendarTestHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync(runServer: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_version_we_wrote_comes_back_without_a_reread_and_the_persons_edit_of_it_is_reread()
    {
        var (id, clientState, _) = await _host.SubscriptionOfAsync(Kim);
        _host.App.Services.GetRequiredService<OwnWriteEchoes>().Written("AAMk-ours", "ck-ours");

        await PostAsync(Notification(id, clientState, Kim, "created", "AAMk-ours", "W/\"ck-ours\""));
        Assert.Equal(0, await _host.CountAsync("work_items", Rereads));

        await PostAsync(Notification(id, clientState, Kim, "updated", "AAMk-ours", "W/\"ck-theirs\""));
        Assert.Equal(1, await _host.CountAsync("work_items", Rereads));
    }

    [Fact]
    public async Task Our_deletion_comes_back_without_a_reread_and_the_persons_deletion_is_reread()
    {
        var (id, clientState, _) = await _host.SubscriptionOfAsync(Kim);
        _host.App.Services.GetRequiredService<OwnWriteEchoes>().Removed("AAMk-ours");

        await PostAsync(Notification(id, clientState, Kim, "deleted", "AAMk-ours"));
        Assert.Equal(0, await _host.CountAsync("work_items", Rereads));

        await PostAsync(Notification(id, clientState, Kim, "deleted", "AAMk-booking"));
        Assert.Equal(1, await _host.CountAsync("work_items", Rereads));
    }

    private async Task PostAsync(string body)
    {
        using var response = await _host.PostWebhookAsync("/api/graph/notifications", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
