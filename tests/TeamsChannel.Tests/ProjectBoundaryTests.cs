using System.Xml.Linq;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.TeamsChannel.Tests;

/// <summary>The channel is a protocol library: it knows nothing of referrals, and the host wires it, never the other way round.</summary>
public sealed class ProjectBoundaryTests
{
    private static readonly string[] OtherProjects = ["Referrals", "CalendarSync", "PresenceBot", "GraphStandIn"];

    [Fact]
    public void Project_ReferencesNoOtherProjectOfTheSolution()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "TeamsChannel", "TeamsChannel.csproj"));

        var references = project.Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include")).ToList();

        Assert.Empty(references);
    }

    [Fact]
    public void Assembly_ReferencesNoAssemblyOfTheReferralDomainOrTheHost()
    {
        var referenced = typeof(IBotConversation).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(referenced, name => OtherProjects.Any(project => name == $"PresenceBot.{project}" || name == project));
        // Not vacuous: the list holds what the channel does use.
        Assert.Contains("Microsoft.AspNetCore.Authentication.JwtBearer", referenced);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PresenceBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PresenceBot.sln not found above " + AppContext.BaseDirectory);
    }
}
