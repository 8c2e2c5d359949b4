using PresenceBot.Referrals.Organisation;
using PresenceBot.TeamsChannel.Cards;

namespace PresenceBot.Bot.Conversation.Cards;

/// <summary>"/koppling": the person's calendar coupling now, with a button for each mode.</summary>
internal static class CouplingCard
{
    public const string ModeKey = "mode";

    public static AdaptiveCard Build(CalendarCoupling current, string heading) => new()
    {
        Body =
        [
            new TextBlock(heading) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(Explain(current)),
        ],
        Actions = Enum.GetValues<CalendarCoupling>()
            .Where(mode => mode != current)
            .Select(mode => (CardAction)new ExecuteAction(Capitalize(Word(mode)), CardVerbs.Coupling)
            {
                Data = CardActions.Data(CardVerbs.Coupling, (ModeKey, Code(mode))),
            })
            .ToList(),
    };

    public static string Word(CalendarCoupling coupling) => coupling switch
    {
        CalendarCoupling.Closed => "stängd",
        CalendarCoupling.Open => "öppen",
        _ => "av",
    };

    public static string Code(CalendarCoupling coupling) => coupling.ToString().ToLowerInvariant();

    public static string Explain(CalendarCoupling coupling) => coupling switch
    {
        CalendarCoupling.Closed => "Kalenderkoppling stängd: en bokning i din kalender hänvisar dig och stänger telefonen.",
        CalendarCoupling.Open => "Kalenderkoppling öppen: en bokning i din kalender hänvisar dig, men telefonen ringer.",
        _ => "Kalenderkoppling av: din kalender styr inte dina hänvisningar, bara det du själv anger.",
    };

    private static string Capitalize(string word) => string.Concat(char.ToUpperInvariant(word[0]).ToString(), word[1..]);
}
