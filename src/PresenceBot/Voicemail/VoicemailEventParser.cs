using System.Text.Json;
using NodaTime;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Switchboard;

namespace PresenceBot.Voicemail;

/// <summary>
/// Reads <c>{ id, person, receivedAt, caller?, durationSeconds?, state }</c> from the raw body by hand, so each
/// problem names its field (model binding would only say "the body is invalid").
/// </summary>
internal static class VoicemailEventParser
{
    private const int MaxIdLength = 128;
    private const int MaxCallerLength = VoicemailMessage.MaxCallerLength;

    public static VoicemailEventParseResult Parse(ReadOnlyMemory<byte> body, DateTimeZone zone)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return VoicemailEventParseResult.Invalid("body", "Kroppen är inte giltig JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return VoicemailEventParseResult.Invalid("body", "Kroppen ska vara ett JSON-objekt.");
            }

            if (RequiredString(root, "id") is not { Length: > 0 and <= MaxIdLength } id)
            {
                return VoicemailEventParseResult.Invalid("id", $"id saknas eller är längre än {MaxIdLength} tecken.");
            }

            if (RequiredString(root, "person") is not { Length: > 0 } person)
            {
                return VoicemailEventParseResult.Invalid("person", "person saknas (id, UPN eller anknytning).");
            }

            var receivedText = RequiredString(root, "receivedAt");
            if (!ApiTime.TryParse(receivedText, zone, out var receivedAt))
            {
                return VoicemailEventParseResult.Invalid("receivedAt", $"'{receivedText}' är ingen tid (ISO 8601, t.ex. 2026-11-23T09:12:00+01:00).");
            }

            string? caller = null;
            if (root.TryGetProperty("caller", out var callerElement) && callerElement.ValueKind != JsonValueKind.Null)
            {
                if (callerElement.ValueKind != JsonValueKind.String || callerElement.GetString()!.Trim().Length > MaxCallerLength)
                {
                    return VoicemailEventParseResult.Invalid("caller", $"caller ska vara text på högst {MaxCallerLength} tecken.");
                }

                caller = callerElement.GetString()!.Trim() is { Length: > 0 } trimmed ? trimmed : null;
            }

            int? duration = null;
            if (root.TryGetProperty("durationSeconds", out var durationElement) && durationElement.ValueKind != JsonValueKind.Null)
            {
                if (durationElement.ValueKind != JsonValueKind.Number || !durationElement.TryGetInt32(out var seconds) || seconds < 0)
                {
                    return VoicemailEventParseResult.Invalid("durationSeconds", "durationSeconds ska vara ett heltal ≥ 0.");
                }

                duration = seconds;
            }

            VoicemailState? state = RequiredString(root, "state")?.ToLowerInvariant() switch
            {
                "new" => VoicemailState.New,
                "heard" => VoicemailState.Heard,
                "deleted" => VoicemailState.Deleted,
                _ => null,
            };
            if (state is not { } known)
            {
                return VoicemailEventParseResult.Invalid("state", "state ska vara new, heard eller deleted.");
            }

            return VoicemailEventParseResult.Ok(new VoicemailEvent(id, person, receivedAt, caller, duration, known));
        }
    }

    private static string? RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()?.Trim() : null;
}
