using PresenceBot.Referrals.Organisation;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Organisation;

/// <summary>The organisation read from the file named by <c>Organisation:File</c>, validated once at start.</summary>
internal sealed class FileOrganisationSource(OrganisationModel organisation, string path) : IOrganisationSource
{
    public OrganisationModel Current { get; } = organisation;

    public string Path { get; } = path;

    /// <summary>Loads and validates the file; throws <see cref="OrganisationFileException"/> naming every problem.</summary>
    public static FileOrganisationSource Load(string configuredPath)
    {
        var path = System.IO.Path.IsPathRooted(configuredPath)
            ? configuredPath
            : System.IO.Path.Combine(AppContext.BaseDirectory, configuredPath);
        return new FileOrganisationSource(OrganisationFile.Load(path), path);
    }
}
