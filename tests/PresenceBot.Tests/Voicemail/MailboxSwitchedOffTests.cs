using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Referrals.Organisation;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Voicemail;

/// <summary>Kim's voicemailFromMailbox turned off in the organisation file: the inbox is no longer read, and what it said goes.</summary>
public sealed class MailboxSwitchedOffTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("presencebot-mailbox-off-").FullName;
    private PresenceBotApplication _app = null!;

    private string OrganisationFile => Path.Combine(_folder, "organisation.json");

    public Task InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json"), OrganisationFile);
        _app = new PresenceBotApplication(new Dictionary<string, string?>
        {
            ["Organisation:File"] = OrganisationFile,
            ["Organisation:ReloadSeconds"] = "1",
        });
        _app.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SettingTurnedOff_InboxNoLongerRead_ItsUnheardVoicemailIsHeard()
    {
        _app.DeliverVoicemail(KimId, "Anna Andersson");
        Assert.Equal(1, (await _app.RunMailboxRoundAsync()).Added);

        await File.WriteAllTextAsync(OrganisationFile, (await File.ReadAllTextAsync(OrganisationFile))
            .Replace("\"voicemailFromMailbox\": true", "\"voicemailFromMailbox\": false", StringComparison.Ordinal));
        var organisation = _app.Services.GetRequiredService<IOrganisationSource>();
        await Calendar.Eventually.TrueAsync(() =>
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(!organisation.Current.FindPerson(KimId)!.VoicemailFromMailbox);
        }, "the edited organisation file taken into use");

        var round = await _app.RunMailboxRoundAsync();

        Assert.Equal(new CalendarSync.Voicemail.MailboxPollResult(People: 0, Added: 0, Heard: 1, Failed: 0), round);
        Assert.Empty(await _app.UnheardAsync(KimId));
        Assert.Equal(1, _app.Graph().Stats.RequestsByKind["messages"]);
    }
}
