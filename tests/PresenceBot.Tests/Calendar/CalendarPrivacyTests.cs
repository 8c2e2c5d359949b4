using System.Text;
using PresenceBot.GraphStandIn.Calendars;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>Issue 3 §5: a booking's subject, location and body never reach our database, logs or API.</summary>
public sealed class CalendarPrivacyTests
{
    [Fact]
    public async Task A_private_bookings_subject_location_and_body_are_never_stored_logged_or_shown()
    {
        var marker = "Hemlig" + Guid.NewGuid().ToString("N");
        var normalMarker = "Vanlig" + Guid.NewGuid().ToString("N");
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            // Everything our own code and the libraries might say, not only what production logs.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
            ["Logging:LogLevel:Hangfire"] = "Debug",
        });

        // Held open (outside any pool) until the files are read: every test host's disposal clears all SQLite pools in this
        // process, and should that close this database's last connection, SQLite folds the -wal into the file and removes
        // it, and the scan below would not see the file the secrets are most likely to be in.
        await using var holdOpen = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.App.DatabasePath};Pooling=False");
        await holdOpen.OpenAsync();

        var id = await host.BookAsync(Kim, Draft($"SAM: {marker} subject", "2026-11-23T08:00:00", "2026-11-23T11:00:00") with
        {
            Sensitivity = "private",
            Location = new Location($"{marker} location"),
            Body = new ItemBody("text", $"{marker} body"),
            Categories = [$"{marker} category"],
        });
        await host.Graph.Calendars.UpdateEventAsync(Kim, id, new() { End = new("2026-11-23T11:30:00", Zone) }, CancellationToken.None);
        // Rule 5 keeps only what the referral needs for any booking, so a normal one's subject stays out too.
        await host.BookAsync(Sara, Draft($"MÖT: {normalMarker}", "2026-11-23T08:00:00", "2026-11-23T11:00:00") with
        {
            Location = new Location($"{normalMarker} location"),
        });

        var kim = await host.StatusWhenAsync(Kim, s => (string?)s["returnsAt"] == "2026-11-23T11:30:00+01:00", "Kim referred until 11:30");
        Assert.Equal("meeting", (string?)kim["reason"]);
        await host.StatusWhenAsync(Sara, s => (string?)s["state"] == "referred", "Sara referred");
        await host.SettledAsync();
        Assert.Contains(marker, host.Graph.Calendars.FindEvent(Kim, id)!.Subject, StringComparison.Ordinal);

        var responses = new StringBuilder();
        foreach (var path in new[]
        {
            $"/api/referrals/{Kim}", $"/api/referrals/{Sara}", $"/api/referrals/{KimUpn}/timeline",
            $"/api/referrals/{Sara}/timeline?from=2026-11-23T00:00&to=2026-11-24T00:00", "/api/referrals?unit=kansli-lycksele",
        })
        {
            using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
            responses.Append(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("sammanträde", responses.ToString(), StringComparison.Ordinal);
        var logs = string.Join("\n", host.App.Logs.Lines);
        Assert.Contains("synced", logs, StringComparison.Ordinal);
        var files = Directory.GetFiles(host.App.Folder).Where(f => Path.GetFileName(f).StartsWith("presencebot.db", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));

        foreach (var secret in new[] { marker, normalMarker })
        {
            Assert.DoesNotContain(secret, responses.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                // SQLite removes -shm (and may truncate -wal) when its last connection closes; a file gone is a file without the secret.
                if (await ReadSharedAsync(file) is not { } bytes)
                {
                    continue;
                }

                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)), $"{secret} found in {Path.GetFileName(file)} (UTF-8)");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(secret)), $"{secret} found in {Path.GetFileName(file)} (UTF-16)");
            }
        }
    }

    private static async Task<byte[]?> ReadSharedAsync(string path)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
