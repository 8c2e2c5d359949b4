using System.Text.RegularExpressions;

namespace PresenceBot.Switchboard;

/// <summary>
/// What a configured API key must be: a name the admin chose (letters, digits, <c>.</c>, <c>-</c>, <c>_</c>; not only
/// digits, which is the old unnamed list form) and a key of at least <see cref="MinimumKeyLength"/> characters, unique.
/// </summary>
internal static partial class ApiKeyRules
{
    public const int MinimumKeyLength = 32;

    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, string> keys)
    {
        foreach (var (name, key) in keys)
        {
            var where = $"Switchboard:ApiKeys:{name}";
            if (name.All(char.IsAsciiDigit))
            {
                yield return $"{where}: keys have names now — give it one, as Switchboard:ApiKeys:<name> (e.g. Switchboard__ApiKeys__trio in the environment).";
            }
            else if (!NamePattern().IsMatch(name))
            {
                yield return $"{where}: a name is 1–40 letters, digits, '.', '-' or '_'.";
            }

            if (string.IsNullOrWhiteSpace(key) || key.Trim().Length < MinimumKeyLength)
            {
                yield return $"{where}: the key must be at least {MinimumKeyLength} characters (e.g. openssl rand -hex 32).";
            }
        }

        foreach (var shared in keys.Where(k => !string.IsNullOrWhiteSpace(k.Value)).GroupBy(k => k.Value.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Switchboard:ApiKeys: {string.Join(", ", shared.Select(k => k.Key))} have the same key; give each its own.";
        }
    }

    /// <summary>Every admin key must name a configured API key (a typo would otherwise lock the admin out unnoticed).</summary>
    public static IEnumerable<string> AdminProblems(IReadOnlyDictionary<string, string> keys, IReadOnlyList<string> adminKeys)
    {
        for (var i = 0; i < adminKeys.Count; i++)
        {
            if (!keys.Keys.Contains(adminKeys[i].Trim(), StringComparer.OrdinalIgnoreCase))
            {
                // The value is not echoed: it may be a key pasted by mistake.
                yield return $"Switchboard:AdminKeys:{i}: names no key of Switchboard:ApiKeys (give a key's name, not the key itself).";
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
