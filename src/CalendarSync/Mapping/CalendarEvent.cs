using System.Text;

namespace PresenceBot.CalendarSync.Mapping;

/// <summary>
/// The fields of a Graph <c>event</c> that the referral mapping needs, named as in Graph's JSON so the Graph
/// adapter maps them 1:1. Enumerations stay strings (Graph's camelCase values) so an unfamiliar value becomes an
/// ignored event rather than a deserialisation failure.
/// </summary>
/// <remarks>
/// <see cref="Subject"/> and <see cref="Location"/> are carried only because Graph sends them; nothing the mapper
/// produces contains them (rule 5), and <see cref="ToString"/> leaves them out so logging an event cannot leak a
/// private booking's title or place either.
/// </remarks>
public sealed record CalendarEvent
{
    public required string Id { get; init; }

    /// <summary>free, tentative, busy, oof, workingElsewhere or unknown.</summary>
    public required string ShowAs { get; init; }

    public bool IsAllDay { get; init; }

    public bool IsCancelled { get; init; }

    /// <summary>Graph's <c>responseStatus.response</c>: none, organizer, tentativelyAccepted, accepted, declined or notResponded.</summary>
    public string ResponseStatus { get; init; } = "none";

    /// <summary>normal, personal, private or confidential.</summary>
    public string Sensitivity { get; init; } = "normal";

    public IReadOnlyList<string> Categories { get; init; } = [];

    public required DateTimeTimeZone Start { get; init; }

    public required DateTimeTimeZone End { get; init; }

    public string? Subject { get; init; }

    /// <summary>Graph's <c>location.displayName</c>.</summary>
    public string? Location { get; init; }

    // Replaces the generated member list: subject and location must never reach a log line (rule 5).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", ShowAs = ").Append(ShowAs)
            .Append(", IsAllDay = ").Append(IsAllDay)
            .Append(", IsCancelled = ").Append(IsCancelled)
            .Append(", ResponseStatus = ").Append(ResponseStatus)
            .Append(", Sensitivity = ").Append(Sensitivity)
            .Append(", Categories = [").AppendJoin(", ", Categories).Append(']')
            .Append(", Start = ").Append(Start)
            .Append(", End = ").Append(End);
        return true;
    }
}
