using System.Text.Json.Nodes;
using PresenceBot.GraphStandIn.Faults;
using PresenceBot.Tests.Bot;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Voicemail.MailboxVoicemailHost;

namespace PresenceBot.Tests.Voicemail;

/// <summary>
/// Lycksele reads voicemail from mailboxes for all its people (the municipality's default): Kim, Sara, Peter and Elin.
/// Sara's inbox refuses the app (403) and Peter has no mailbox (404): the others are read all the same, nothing is
/// concluded for the two, and each failure is logged once, without any message content.
/// </summary>
public sealed class MailboxFailureTests : IAsyncLifetime
{
    private const string Peter = "90ac231d-76e2-4696-9abf-e33ba5a7630c";
    private const string Elin = "60924510-0efc-4a68-b94f-a214ed15c8f2";

    private readonly string _folder = Directory.CreateTempSubdirectory("presencebot-mailbox-").FullName;
    private TeamsBotHarness _bot = null!;

    private PresenceBotApplication App => _bot.App;

    public async Task InitializeAsync()
    {
        var organisation = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json")))!;
        organisation["municipalities"]!.AsArray().Single(m => (string?)m!["id"] == "lycksele")!["voicemailFromMailbox"] = true;
        var file = Path.Combine(_folder, "organisation.json");
        await File.WriteAllTextAsync(file, organisation.ToJsonString());
        _bot = await TeamsBotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Organisation:File"] = file });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task UnreadableInboxes_HoldUpNoOne_ChangeNothingForTheirOwners_AndAreLoggedOnceWithoutContent()
    {
        App.DeliverVoicemail(Sara, "Anna Andersson");
        Assert.Equal(1, (await App.RunMailboxRoundAsync()).Added);
        var graph = App.Graph();
        graph.Faults.Add(new FaultRule { Status = 403, Count = 100, PathPrefix = $"/users/{Sara}/mailFolders" });
        graph.Faults.Add(new FaultRule { Status = 404, Count = 100, PathPrefix = $"/users/{Peter}/mailFolders", Code = "MailboxNotEnabledForRESTAPI" });
        App.DeliverVoicemail(KimId, "Bertil Berg");
        App.DeliverVoicemail(Elin, "Cecilia Carlsson");

        var first = await App.RunMailboxRoundAsync();
        var second = await App.RunMailboxRoundAsync();

        Assert.Equal(new CalendarSync.Voicemail.MailboxPollResult(People: 4, Added: 2, Heard: 0, Failed: 2), first);
        Assert.Equal((0, 0, 2), (second.Added, second.Heard, second.Failed));
        Assert.Single(await App.UnheardAsync(KimId));
        Assert.Single(await App.UnheardAsync(Elin));
        // Not read is not heard: Sara's voicemail stays unheard while her inbox refuses us.
        Assert.Single(await App.UnheardAsync(Sara));

        var warnings = App.Logs.Lines.Where(l => l.Contains("[1151]", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains(Sara, StringComparison.Ordinal) && w.Contains("403", StringComparison.Ordinal) && w.Contains("Mail.Read", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains(Peter, StringComparison.Ordinal) && w.Contains("404", StringComparison.Ordinal)
            && w.Contains("MailboxNotEnabledForRESTAPI", StringComparison.Ordinal) && w.Contains("no mailbox", StringComparison.Ordinal));
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains("Anna Andersson", StringComparison.Ordinal)
            || l.Contains("Bertil Berg", StringComparison.Ordinal) || l.Contains("Röstmeddelande", StringComparison.Ordinal));

        graph.Faults.Clear();
        var recovered = await App.RunMailboxRoundAsync();
        Assert.Equal(0, recovered.Failed);
        Assert.Equal(2, App.Logs.Lines.Count(l => l.Contains("[1153]", StringComparison.Ordinal)));
    }
}
