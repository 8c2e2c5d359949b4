using System.Text.RegularExpressions;

namespace PresenceBot.GraphStandIn.Directory;

/// <summary>
/// The one <c>$filter</c> Graph's groups/delta supports: <c>id eq '{id}'</c>, several joined with <c>or</c>.
/// Anything else is refused, as Graph refuses it, so a client can't come to rely on a filter only the stand-in knows.
/// </summary>
internal static partial class GroupFilter
{
    /// <summary>True with the ids for a supported filter (none for an empty one: every group); false otherwise.</summary>
    public static bool TryParse(string filter, out IReadOnlySet<string> groupIds)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        groupIds = ids;
        if (string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }

        foreach (var clause in OrSeparator().Split(filter.Trim()))
        {
            var match = IdEquals().Match(clause);
            if (!match.Success)
            {
                return false;
            }

            // OData doubles a quote inside a string literal.
            ids.Add(match.Groups["id"].Value.Replace("''", "'", StringComparison.Ordinal));
        }

        return true;
    }

    [GeneratedRegex(@"\s+or\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrSeparator();

    [GeneratedRegex(@"^\s*id\s+eq\s+'(?<id>(?:[^']|'')+)'\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdEquals();
}
