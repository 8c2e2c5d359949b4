using System.Globalization;

namespace PresenceBot.Organisation;

/// <summary>
/// A rejected organisation file's problems told by where they are, not what they say: each problem line is
/// <c>{path}: {what}</c> and only the path (<c>people[3].extension</c>, <c>(line 4, position 7)</c>) is kept.
/// </summary>
internal static class OrganisationProblemLocations
{
    private const int MaxListed = 20;

    public static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var locations = problems.Select(Location).Distinct(StringComparer.Ordinal).ToList();
        var listed = string.Join(", ", locations.Take(MaxListed)) + (locations.Count > MaxListed ? ", …" : "");
        return string.Create(CultureInfo.InvariantCulture,
            $"{problems.Count} {(problems.Count == 1 ? "problem" : "problems")} at {listed}; the service log and a start with the file name them.");
    }

    private static string Location(string problem)
    {
        var cut = problem.IndexOf(": ", StringComparison.Ordinal);
        return cut < 0 ? problem : problem[..cut];
    }
}
