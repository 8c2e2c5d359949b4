using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Tests.Referrals;

public sealed class ReasonCatalogTests
{
    public static TheoryData<Reason> AllReasons => new(Enum.GetValues<Reason>());

    [Theory]
    [MemberData(nameof(AllReasons))]
    public void Every_reason_round_trips_through_its_code(Reason reason)
    {
        Assert.True(ReasonCatalog.TryParse(ReasonCatalog.Code(reason), out var parsed));
        Assert.Equal(reason, parsed);
    }

    [Theory]
    [InlineData("business-trip", Reason.BusinessTrip)]
    [InlineData("GONE-FOR-DAY", Reason.GoneForDay)]
    [InlineData("  Meeting\t", Reason.Meeting)]
    public void TryParse_ignores_case_and_surrounding_white_space(string code, Reason expected)
    {
        Assert.True(ReasonCatalog.TryParse(code, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("holiday")]
    [InlineData("BusinessTrip")]
    [InlineData("gone for day")]
    public void TryParse_rejects_null_empty_and_unknown_codes(string? code)
    {
        Assert.False(ReasonCatalog.TryParse(code, out _));
    }

    [Fact]
    public void Codes_lists_every_reason_once_in_enum_order()
    {
        Assert.Equal(Enum.GetValues<Reason>().Select(ReasonCatalog.Code), ReasonCatalog.Codes);
        Assert.Equal(ReasonCatalog.Codes.Count, ReasonCatalog.Codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Sick_is_disclosed_as_away()
    {
        Assert.Equal(Reason.Away, ReasonCatalog.Disclosed(Reason.Sick));
    }

    [Theory]
    [MemberData(nameof(AllReasons))]
    public void Every_reason_but_sick_is_disclosed_unchanged(Reason reason)
    {
        var expected = reason == Reason.Sick ? Reason.Away : reason;
        Assert.Equal(expected, ReasonCatalog.Disclosed(reason));
    }

    [Fact]
    public void Sick_is_worded_and_spoken_as_away_to_others()
    {
        Assert.Equal("frånvarande", ReasonCatalog.SwedishWord(Reason.Sick));
        Assert.Equal("är frånvarande", ReasonCatalog.Phrase(Reason.Sick));
    }

    [Fact]
    public void Only_the_persons_own_word_says_sjuk()
    {
        Assert.Equal("sjuk", ReasonCatalog.OwnWord(Reason.Sick));
    }

    [Theory]
    [MemberData(nameof(AllReasons))]
    public void No_word_or_phrase_others_see_mentions_sickness(Reason reason)
    {
        Assert.DoesNotContain("sjuk", ReasonCatalog.SwedishWord(reason), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sjuk", ReasonCatalog.Phrase(reason), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Reason.Meeting, "meeting", "sammanträde", "är på sammanträde")]
    [InlineData(Reason.Errand, "errand", "tjänsteärende", "är på tjänsteärende")]
    [InlineData(Reason.BusinessTrip, "business-trip", "tjänsteresa", "är på tjänsteresa")]
    [InlineData(Reason.Vacation, "vacation", "semester", "har semester")]
    [InlineData(Reason.Lunch, "lunch", "lunch", "är på lunch")]
    [InlineData(Reason.Remote, "remote", "distans", "arbetar på distans")]
    [InlineData(Reason.Training, "training", "utbildning", "är på utbildning")]
    [InlineData(Reason.Leave, "leave", "ledig", "är ledig")]
    [InlineData(Reason.Busy, "busy", "upptagen", "är upptagen")]
    [InlineData(Reason.Away, "away", "frånvarande", "är frånvarande")]
    [InlineData(Reason.GoneForDay, "gone-for-day", "gått för dagen", "har gått för dagen")]
    public void Each_disclosable_reason_has_its_code_word_and_phrase(Reason reason, string code, string word, string phrase)
    {
        Assert.Equal(code, ReasonCatalog.Code(reason));
        Assert.Equal(word, ReasonCatalog.SwedishWord(reason));
        Assert.Equal(word, ReasonCatalog.OwnWord(reason));
        Assert.Equal(phrase, ReasonCatalog.Phrase(reason));
    }

    [Fact]
    public void Sick_keeps_its_own_api_code_so_the_person_can_set_it()
    {
        Assert.Equal("sick", ReasonCatalog.Code(Reason.Sick));
    }

    [Theory]
    [MemberData(nameof(AllReasons))]
    public void Only_remote_leaves_the_phone_open_by_default(Reason reason)
    {
        var expected = reason == Reason.Remote ? PhoneState.Open : PhoneState.Closed;
        Assert.Equal(expected, ReasonCatalog.DefaultPhone(reason));
    }

    [Fact]
    public void An_undefined_reason_value_is_refused_rather_than_guessed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReasonCatalog.Code((Reason)999));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReasonCatalog.Phrase((Reason)999));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReasonCatalog.SwedishWord((Reason)999));
    }
}
