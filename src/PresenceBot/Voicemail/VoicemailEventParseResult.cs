namespace PresenceBot.Voicemail;

/// <summary>The parsed event, or the field at fault and why (for a ProblemDetails naming it).</summary>
internal sealed record VoicemailEventParseResult(VoicemailEvent? Event, string Field, string Problem)
{
    public static VoicemailEventParseResult Ok(VoicemailEvent parsed) => new(parsed, "", "");

    public static VoicemailEventParseResult Invalid(string field, string problem) => new(null, field, problem);
}
