using System.Text.Json.Nodes;
using PresenceBot.TeamsChannel.Cards;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.TeamsChannel.Tests.Cards;

/// <summary>The produced JSON against the Adaptive Cards 1.5 schema's shapes: type names, required members, camelCase values.</summary>
public sealed class AdaptiveCardJsonTests
{
    private static JsonNode Json(AdaptiveCard card) => JsonNode.Parse(AdaptiveCardJson.Serialize(card))!;

    private static JsonNode Element(CardElement element) => Json(new AdaptiveCard { Body = [element] })["body"]![0]!;

    [Fact]
    public void Card_HasTypeSchemaVersionAndBody()
    {
        var json = Json(new AdaptiveCard { Body = [new TextBlock("Hej")] });

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)json["$schema"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.IsType<JsonArray>(json["body"]);
        Assert.Null(json["actions"]);
    }

    [Fact]
    public void TextBlock_HasTypeTextAndCamelCaseStyle_AndNoNulls()
    {
        var json = Element(new TextBlock("Kim Krona är på sammanträde") { Weight = TextWeight.Bolder, Size = TextSize.ExtraLarge, Color = TextColor.Attention });

        Assert.Equal("TextBlock", (string?)json["type"]);
        Assert.Equal("Kim Krona är på sammanträde", (string?)json["text"]);
        Assert.True((bool?)json["wrap"]);
        Assert.Equal("bolder", (string?)json["weight"]);
        Assert.Equal("extraLarge", (string?)json["size"]);
        Assert.Equal("attention", (string?)json["color"]);
        Assert.Null(json["isSubtle"]);
        Assert.Null(json["spacing"]);
    }

    [Fact]
    public void FactSet_HasFactsWithTitleAndValue()
    {
        var json = Element(new FactSet([new Fact("Orsak", "Sammanträde"), new Fact("Åter", "klockan 15.00")]));

        Assert.Equal("FactSet", (string?)json["type"]);
        Assert.Equal("Orsak", (string?)json["facts"]![0]!["title"]);
        Assert.Equal("klockan 15.00", (string?)json["facts"]![1]!["value"]);
    }

    [Fact]
    public void ColumnSet_HasTypedColumnsWithItems()
    {
        var json = Element(new ColumnSet([new Column([new TextBlock("Vänster")]) { Width = "auto" }, new Column([new TextBlock("Höger")]) { Width = "stretch" }]));

        Assert.Equal("ColumnSet", (string?)json["type"]);
        var column = json["columns"]![0]!;
        Assert.Equal("Column", (string?)column["type"]);
        Assert.Equal("auto", (string?)column["width"]);
        Assert.Equal("TextBlock", (string?)column["items"]![0]!["type"]);
    }

    [Fact]
    public void ChoiceSet_HasIdAndChoices()
    {
        var json = Element(new ChoiceSetInput("reason", [new Choice("Sammanträde", "meeting"), new Choice("Lunch", "lunch")])
        {
            Label = "Orsak",
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = "Välj en orsak.",
        });

        Assert.Equal("Input.ChoiceSet", (string?)json["type"]);
        Assert.Equal("reason", (string?)json["id"]);
        Assert.Equal("meeting", (string?)json["choices"]![0]!["value"]);
        Assert.Equal("Sammanträde", (string?)json["choices"]![0]!["title"]);
        Assert.Equal("expanded", (string?)json["style"]);
        Assert.True((bool?)json["isRequired"]);
    }

    [Fact]
    public void DateAndTimeInputs_UseTheSchemasFormats()
    {
        var date = Element(new DateInput("day") { Value = new DateOnly(2026, 11, 23), Min = new DateOnly(2026, 11, 23) });
        var time = Element(new TimeInput("until") { Value = new TimeOnly(15, 0), Min = new TimeOnly(8, 0) });

        Assert.Equal("Input.Date", (string?)date["type"]);
        Assert.Equal("day", (string?)date["id"]);
        Assert.Equal("2026-11-23", (string?)date["value"]);
        Assert.Equal("Input.Time", (string?)time["type"]);
        Assert.Equal("until", (string?)time["id"]);
        Assert.Equal("15:00", (string?)time["value"]);
        Assert.Equal("08:00", (string?)time["min"]);
    }

    [Fact]
    public void ToggleAndTextInputs_HaveIdAndTheirRequiredMembers()
    {
        var toggle = Element(new ToggleInput("phoneOpen", "Telefonen öppen") { ValueOn = "open", ValueOff = "closed" });
        var text = Element(new TextInput("note") { MaxLength = 200, IsMultiline = true });

        Assert.Equal("Input.Toggle", (string?)toggle["type"]);
        Assert.Equal("phoneOpen", (string?)toggle["id"]);
        Assert.Equal("Telefonen öppen", (string?)toggle["title"]);
        Assert.Equal("open", (string?)toggle["valueOn"]);
        Assert.Equal("Input.Text", (string?)text["type"]);
        Assert.Equal("note", (string?)text["id"]);
        Assert.Equal(200, (int?)text["maxLength"]);
    }

    [Fact]
    public void Actions_HaveTheirTypeNamesAndMembers()
    {
        var json = Json(new AdaptiveCard
        {
            Body = [new TextBlock("Spara?")],
            Actions =
            [
                new SubmitAction("Spara") { Data = new Dictionary<string, string> { ["command"] = "save" }, Style = CardActionStyle.Positive },
                new ExecuteAction("Tillbaka nu", "tillbaka") { Data = new Dictionary<string, string> { ["person"] = "kim" } },
                new OpenUrlAction("Läs policyn", new Uri("https://lycksele.se/hanvisning")),
            ],
        });

        var actions = json["actions"]!.AsArray();
        Assert.Equal("Action.Submit", (string?)actions[0]!["type"]);
        Assert.Equal("Spara", (string?)actions[0]!["title"]);
        Assert.Equal("save", (string?)actions[0]!["data"]!["command"]);
        Assert.Equal("positive", (string?)actions[0]!["style"]);
        Assert.Equal("Action.Execute", (string?)actions[1]!["type"]);
        Assert.Equal("tillbaka", (string?)actions[1]!["verb"]);
        Assert.Equal("Action.OpenUrl", (string?)actions[2]!["type"]);
        Assert.Equal("https://lycksele.se/hanvisning", (string?)actions[2]!["url"]);
    }

    [Fact]
    public void TypeIsTheFirstMember_AsInTheSchemasExamples()
    {
        var json = Json(new AdaptiveCard { Body = [new TextInput("note")], Actions = [new SubmitAction("OK")] });

        Assert.Equal("type", json.AsObject().First().Key);
        Assert.Equal("type", json["body"]![0]!.AsObject().First().Key);
        Assert.Equal("type", json["actions"]![0]!.AsObject().First().Key);
    }
}
