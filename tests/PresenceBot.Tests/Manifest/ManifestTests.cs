using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace PresenceBot.Tests.Manifest;

/// <summary>manifest/: valid against Microsoft's v1.29 schema once filled in, the Swedish slash commands, the icons, the package script.</summary>
public sealed class ManifestTests
{
    private const string AppId = "0b5e3c1a-7d2f-4e8b-9a61-3c4d5e6f7a8b";

    private static readonly Dictionary<string, string> Sample = new()
    {
        ["{{MICROSOFT_APP_ID}}"] = AppId,
        ["{{TEAMS_APP_ID}}"] = "5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
        ["{{BOT_DOMAIN}}"] = "presencebot.lycksele.se",
        ["{{DEVELOPER_NAME}}"] = "Lycksele kommun",
        ["{{WEBSITE_URL}}"] = "https://lycksele.se/presencebot",
        ["{{PRIVACY_URL}}"] = "https://lycksele.se/integritet",
        ["{{TERMS_URL}}"] = "https://lycksele.se/villkor",
    };

    private static string ManifestText => File.ReadAllText(RepositoryFiles.Path("manifest", "manifest.json"));

    private static string Filled()
    {
        var text = ManifestText;
        foreach (var (placeholder, value) in Sample)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return text;
    }

    [Fact]
    public async Task Manifest_FilledIn_IsValidAgainstTheTeamsSchema_v1_29()
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryFiles.Path("tests", "PresenceBot.Tests", "Manifest", "Schema", "MicrosoftTeams.schema.v1.29.json"));

        var errors = schema.Validate(Filled());

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Theory]
    [InlineData("botId is not a GUID")]
    [InlineData("unknown trigger")]
    [InlineData("no developer")]
    [InlineData("too many commands")]
    public async Task Schema_CatchesAnInvalidManifest_SoTheValidationAboveMeansSomething(string fault)
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryFiles.Path("tests", "PresenceBot.Tests", "Manifest", "Schema", "MicrosoftTeams.schema.v1.29.json"));
        var broken = JsonNode.Parse(Filled())!.AsObject();
        var list = broken["bots"]![0]!["commandLists"]![0]!;
        switch (fault)
        {
            case "botId is not a GUID":
                broken["bots"]![0]!["botId"] = "not-a-guid";
                break;
            case "unknown trigger":
                list["triggers"] = new JsonArray("whisper");
                break;
            case "no developer":
                broken.Remove("developer");
                break;
            default:
                list["commands"] = new JsonArray(Enumerable.Range(0, 13).Select(i => (JsonNode)new JsonObject { ["title"] = $"kommando{i}" }).ToArray());
                break;
        }

        Assert.NotEmpty(schema.Validate(broken.ToJsonString()));
    }

    [Fact]
    public void Manifest_UsesOnlyKnownPlaceholders()
    {
        var placeholders = System.Text.RegularExpressions.Regex.Matches(ManifestText, @"\{\{[A-Z_]+\}\}").Select(m => m.Value).ToHashSet();

        Assert.Subset(Sample.Keys.ToHashSet(), placeholders);
        Assert.Contains("{{MICROSOFT_APP_ID}}", placeholders);
        Assert.Contains("{{BOT_DOMAIN}}", placeholders);
        Assert.DoesNotContain("{{", Filled(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bot_IsPersonalGroupChatAndTeam_WithTheSwedishSlashCommands()
    {
        var manifest = JsonNode.Parse(Filled())!;
        var bot = manifest["bots"]![0]!;

        Assert.Equal("1.29", (string?)manifest["manifestVersion"]);
        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.Equal(["personal", "groupChat", "team"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.True((bool?)bot["supportsTargetedMessages"]);
        var list = bot["commandLists"]![0]!;
        Assert.Equal(["slash"], list["triggers"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(
            ["frånvarande", "sammanträde", "lunch", "distans", "semester", "tillbaka", "status", "koppling", "vidarekoppla", "enhet", "röstbrevlåda", "hjälp"],
            list["commands"]!.AsArray().Select(c => (string)c!["title"]!));
        Assert.All(list["commands"]!.AsArray(), c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["description"])));
        Assert.Equal(["presencebot.lycksele.se"], manifest["validDomains"]!.AsArray().Select(d => (string)d!));
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_HasTheSizeTeamsRequires(string file, int size)
    {
        var icon = PngImage.Read(RepositoryFiles.Path("manifest", file));

        Assert.Equal(size, icon.Width);
        Assert.Equal(size, icon.Height);
    }

    [Fact]
    public void OutlineIcon_IsWhiteOnTransparent()
    {
        var pixels = PngImage.Read(RepositoryFiles.Path("manifest", "outline.png")).RgbaPixels().ToList();

        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither transparent nor white"));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public async Task PackageScript_BuildsTheZip_WithTheFilledManifestAndBothIcons()
    {
        var output = Path.Combine(Path.GetTempPath(), "presencebot-tests", Guid.NewGuid().ToString("N"), "app.zip");
        var start = new ProcessStartInfo("bash", [RepositoryFiles.Path("manifest", "package.sh"), output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["MICROSOFT_APP_ID"] = AppId, ["BOT_DOMAIN"] = "presencebot.lycksele.se" },
        };
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(process.ExitCode == 0, await stderr);

            await using var zip = await ZipFile.OpenReadAsync(output);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            await using var manifest = await zip.GetEntry("manifest.json")!.OpenAsync();
            var json = (await JsonNode.ParseAsync(manifest))!;
            Assert.Equal(AppId, (string?)json["bots"]![0]!["botId"]);
            Assert.Equal(AppId, (string?)json["id"]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }
}
