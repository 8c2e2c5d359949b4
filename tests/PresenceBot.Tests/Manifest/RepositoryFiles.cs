namespace PresenceBot.Tests.Manifest;

/// <summary>Finds files by their path in the repository, from wherever the tests run.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "PresenceBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PresenceBot.sln not found above " + AppContext.BaseDirectory);
    }
}
