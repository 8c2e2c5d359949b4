using System.Text;
using PresenceBot.Referrals.Organisation;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Referrals.Forwarding;

/// <summary>
/// Finds the colleague a person means by "Ida Berg", "ida", "ida.berg@lycksele.se" or an id. An id or e-mail address
/// is exact; a name matches when every word of it starts a word of the person's name, case and diacritics aside
/// ("orjan" finds Örjan). A full name that matches exactly wins over partial matches.
/// </summary>
public static class ColleagueSearch
{
    public static IReadOnlyList<Person> Find(OrganisationModel organisation, string query)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(query);
        var trimmed = query.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        if (organisation.FindPerson(trimmed) is { } exact)
        {
            return [exact];
        }

        var words = Words(trimmed);
        var matches = organisation.People
            .Where(p => words.All(w => Words(p.Name).Any(n => n.StartsWith(w, StringComparison.Ordinal))))
            .DistinctBy(p => p.Id)
            .ToList();
        var whole = Fold(trimmed);
        var full = matches.Where(p => Fold(p.Name) == whole).ToList();
        return full.Count > 0 ? full : matches;
    }

    private static string[] Words(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Lower case, the diacritics of Nordic and common Latin letters dropped (by table: servers in invariant-globalization
    /// mode can't normalise), runs of white space as one space.
    /// </summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            folded.Append(c switch
            {
                'å' or 'ä' or 'à' or 'á' or 'â' or 'æ' => 'a',
                'ö' or 'ø' or 'ó' or 'ò' or 'ô' => 'o',
                'é' or 'è' or 'ê' or 'ë' => 'e',
                'ü' or 'ú' or 'ù' => 'u',
                'í' or 'ì' or 'ï' => 'i',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => c,
            });
        }

        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
