namespace PresenceBot.Tests.Publishing;

/// <summary>Finds what must never leave the product (rule 13, rule 5, notes) in what did.</summary>
public static class PrivacyScan
{
    /// <summary>Words that tell of sickness, Swedish and English (compared ignoring case: "Sjukskriven", "SICK").</summary>
    public static readonly IReadOnlyList<string> SickWords = ["sjuk", "sick", "illness", "krank"];

    /// <summary>Each write that contains a sick word or one of <paramref name="secrets"/>, with what it contained.</summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<OutboundWrite> writes, IEnumerable<string> secrets)
    {
        var forbidden = SickWords.Concat(secrets).ToList();
        return [.. writes.SelectMany(w => forbidden
            .Where(f => w.Text.Contains(f, StringComparison.OrdinalIgnoreCase))
            .Select(f => $"{w.Destination} got \"{f}\" in: {(w.Text.Length > 300 ? w.Text[..300] + "…" : w.Text)}"))];
    }
}
