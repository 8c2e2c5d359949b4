using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>A message in a person's inbox as the stand-in keeps it. The message class is one of its extended properties.</summary>
public sealed record StandInMessage
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string ChangeKey { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required DateTimeOffset LastModifiedDateTime { get; init; }

    public required DateTimeOffset ReceivedDateTime { get; init; }

    public string Subject { get; init; } = "";

    public ItemBody Body { get; init; } = new("text", "");

    public required EmailAddress From { get; init; }

    public required EmailAddress To { get; init; }

    public bool IsRead { get; init; }

    public bool HasAttachments { get; init; }

    public string Importance { get; init; } = "normal";

    public required string InternetMessageId { get; init; }

    public required string ConversationId { get; init; }

    public required IReadOnlyList<ExtendedProperty> ExtendedProperties { get; init; }

    public string MessageClass =>
        ExtendedProperties.FirstOrDefault(p => PropertyId.Parse(p.Id)?.Canonical == PropertyId.MessageClass)?.Value ?? "IPM.Note";
}
