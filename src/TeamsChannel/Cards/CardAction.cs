using System.Text.Json.Serialization;

namespace PresenceBot.TeamsChannel.Cards;

/// <summary>A button on a card; its schema type name is written as <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }

    public CardActionStyle? Style { get; init; }
}
