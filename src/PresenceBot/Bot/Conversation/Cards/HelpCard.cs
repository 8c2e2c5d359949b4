using PresenceBot.TeamsChannel.Cards;


namespace PresenceBot.Bot.Conversation.Cards;

/// <summary>"/hjälp": what the bot understands, by example.</summary>
internal static class HelpCard
{
    public const string Summary = "PresenceBot: din hänvisning i Teams";

    private static readonly IReadOnlyList<Fact> Examples =
    [
        new("/möte till 15:00", "sammanträde till klockan 15"),
        new("/lunch i 45 min", "lunch i 45 minuter"),
        new("/frånvarande till halv fyra", "frånvarande till 15.30"),
        new("/semester t.o.m. fredag", "tillbaka nästa arbetsdag efter fredag"),
        new("/distans idag", "distansarbete, telefonen ringer"),
        new("/sjuk resten av dagen", "tillbaka nästa arbetsmorgon (den som ringer hör \"frånvarande\")"),
        new("/tjänsteresa till den 3 december", "tillbaka den 3 december på morgonen"),
        new("/tillbaka", "avsluta det som gäller nu"),
        new("/status", "vad som gäller nu och härnäst"),
        new("/koppling stängd | öppen | av", "hur din kalender styr dina hänvisningar"),
        new("/röstbrevlåda", "dina olyssnade röstmeddelanden"),
        new("/vidarekoppla till Ida Berg till 15:00", "samtal till dig kopplas till en kollega som kan ta dem"),
        new("/vidarekoppla av", "samtalen kopplas till dig igen"),
        new("/enhet", "vem i din enhet som är borta och luckor i telefontiden"),
    ];

    public static AdaptiveCard Build() => new()
    {
        Body =
        [
            new TextBlock(Summary) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock("Skriv ett kommando, med eller utan snedstreck. En anteckning efter tiden sparas men hörs inte av den som ringer."),
            new FactSet(Examples),
            new TextBlock("Orsaker: frånvarande, möte, lunch, tjänsteresa, tjänsteärende, utbildning, semester, ledig, sjuk, upptagen, gått för dagen, distans.") { IsSubtle = true },
        ],
    };
}
