using System.Text.Json;

namespace PresenceBot.Switchboard;

/// <summary>
/// Reads a <see cref="ManualReferralRequest"/> from the raw body by hand, so every problem is answered in Swedish and
/// names its field: a body that is empty or not JSON (<c>body</c>), a field the API does not know (a typo such as
/// <c>untill</c> would otherwise be dropped silently), a value of the wrong JSON type.
/// </summary>
internal static class ManualReferralBody
{
    /// <summary>A request is under 300 bytes (a 200-character note included); anything near this is not one.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly string[] Fields = ["reason", "until", "phone", "note", "from", "forwardTo", "forwardConfirmed"];

    /// <summary>The request, or null with <paramref name="errors"/> naming each field at fault.</summary>
    public static ManualReferralRequest? Parse(ReadOnlyMemory<byte> body, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.IsEmpty)
        {
            errors["body"] = ["Kroppen är tom. Skicka ett JSON-objekt, t.ex. {\"reason\": \"meeting\", \"until\": \"2026-11-23T15:00\"}."];
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (rad {line + 1}, tecken {ex.BytePositionInLine + 1})" : "";
            errors["body"] = [$"Kroppen är inte giltig JSON{where}."];
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = [$"Kroppen ska vara ett JSON-objekt, inte {KindName(root.ValueKind)}."];
                return null;
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                var field = Array.Find(Fields, f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase));
                if (field is null)
                {
                    errors[property.Name] = [$"Okänt fält '{property.Name}'. Fälten är: {string.Join(", ", Fields)}."];
                }
                else if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                {
                    values[field] = property.Value.GetString();
                }
                else
                {
                    errors[field] = [$"{field} ska vara en text inom citattecken, inte {KindName(property.Value.ValueKind)}."];
                }
            }

            return errors.Count > 0
                ? null
                : new ManualReferralRequest(values.GetValueOrDefault("reason"), values.GetValueOrDefault("until"), values.GetValueOrDefault("phone"),
                    values.GetValueOrDefault("note"), values.GetValueOrDefault("from"), values.GetValueOrDefault("forwardTo"),
                    values.GetValueOrDefault("forwardConfirmed"));
        }
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "ett tal",
        JsonValueKind.True or JsonValueKind.False => "ett sanningsvärde",
        JsonValueKind.Object => "ett objekt",
        JsonValueKind.Array => "en lista",
        JsonValueKind.String => "en text",
        _ => "null",
    };
}
