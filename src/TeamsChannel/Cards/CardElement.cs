using System.Text.Json.Serialization;

namespace PresenceBot.TeamsChannel.Cards;

/// <summary>An element of a card's body; its schema type name is written as <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
public abstract record CardElement
{
    public CardSpacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}
