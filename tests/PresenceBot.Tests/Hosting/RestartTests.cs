using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task Referral_SurvivesARestartOnTheSameDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("presencebot-restart-").FullName;
        await using (var first = new PresenceBotApplication(folder: folder))
        {
            await first.CreateClient().PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "vacation", until = "2026-11-30T08:00" });
        }

        try
        {
            await using var second = new PresenceBotApplication(folder: folder);
            var (_, body) = await second.CreateClient().GetJsonAsync($"/api/referrals/{KimUpn}");

            Assert.Equal("vacation", (string?)body!["reason"]);
            Assert.Equal("Kim Krona, Lycksele kommun, har semester och återkommer den 30 november klockan 08.00.", (string?)body["talsvar"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
