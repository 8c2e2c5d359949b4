using PresenceBot.CalendarSync.Mapping;
using PresenceBot.Referrals.Referrals;
using static PresenceBot.CalendarSync.Tests.Mapping.MappingFixtures;

namespace PresenceBot.CalendarSync.Tests.Mapping;

public sealed class CategoryMappingTests
{
    [Theory]
    [InlineData("Semester", Reason.Vacation)]
    [InlineData("Vacation", Reason.Vacation)]
    [InlineData("Tjänsteresa", Reason.BusinessTrip)]
    [InlineData("Business trip", Reason.BusinessTrip)]
    [InlineData("Lunch", Reason.Lunch)]
    [InlineData("Utbildning", Reason.Training)]
    [InlineData("Training", Reason.Training)]
    [InlineData("Distans", Reason.Remote)]
    [InlineData("Remote", Reason.Remote)]
    [InlineData("Tjänsteärende", Reason.Errand)]
    [InlineData("Errand", Reason.Errand)]
    [InlineData("Ledig", Reason.Leave)]
    [InlineData("Leave", Reason.Leave)]
    [InlineData("Komp", Reason.Vacation)]
    [InlineData("Kompledig", Reason.Vacation)]
    [InlineData("Comp leave", Reason.Vacation)]
    [InlineData("Tjänstledig", Reason.Vacation)]
    [InlineData("Leave of absence", Reason.Vacation)]
    [InlineData("Sjuk", Reason.Sick)]
    [InlineData("Sick", Reason.Sick)]
    public void Map_BusyEventWithDefaultCategory_TakesTheCategorysReason(string category, Reason expected)
    {
        Assert.Equal(expected, Map(Meeting("busy", category)).Booking?.Reason);
    }

    [Theory]
    [InlineData("TJÄNSTERESA")]
    [InlineData("tjänsteresa")]
    [InlineData("  Business Trip ")]
    public void Map_CategoryInOtherCaseOrPadded_StillMatches(string category)
    {
        Assert.Equal(Reason.BusinessTrip, Map(Meeting("busy", category)).Booking?.Reason);
    }

    [Theory]
    [InlineData("busy", Reason.Meeting)]
    [InlineData("oof", Reason.Away)]
    public void Map_UnknownCategory_FallsBackToTheShowAsReason(string showAs, Reason expected)
    {
        Assert.Equal(expected, Map(Meeting(showAs, "Röd kategori", "Projekt X")).Booking?.Reason);
    }

    [Fact]
    public void Map_SeveralMatchingCategories_FirstOneWins()
    {
        Assert.Equal(Reason.Lunch, Map(Meeting("busy", "Projekt X", "Lunch", "Semester")).Booking?.Reason);
    }

    [Fact]
    public void Map_ConfiguredTable_ReplacesTheDefaults()
    {
        var rules = new MappingRules
        {
            CategoryReasons = new Dictionary<string, Reason>(StringComparer.Ordinal) { ["ledig"] = Reason.Vacation },
        };

        Assert.Equal(Reason.Vacation, Map(Meeting("oof", "LEDIG"), rules).Booking?.Reason);
        Assert.Equal(Reason.Away, Map(Meeting("oof", "Semester"), rules).Booking?.Reason);
    }

    [Fact]
    public void Constructor_CategoryConfiguredTwiceInDifferentCase_Throws()
    {
        var rules = new MappingRules
        {
            CategoryReasons = new Dictionary<string, Reason>(StringComparer.Ordinal)
            {
                ["Semester"] = Reason.Vacation,
                ["semester "] = Reason.Leave,
            },
        };

        Assert.Throws<ArgumentException>(() => new CalendarEventMapper(rules));
    }
}
