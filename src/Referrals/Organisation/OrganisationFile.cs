using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PresenceBot.Referrals.Organisation;

/// <summary>
/// Reads the organisation file (camelCase JSON, comments and trailing commas allowed) into a validated
/// <see cref="Organisation"/>. Anything wrong throws <see cref="OrganisationFileException"/> listing every problem.
/// </summary>
public static class OrganisationFile
{
    // The file is hand-edited by switchboard staff, so comments and trailing commas are tolerated;
    // property names are matched exactly so a misspelt field is reported rather than half-matched.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static Organisation Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OrganisationFileException(path, ["file not found"], e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OrganisationFileException(path, [$"cannot be read: {e.Message}"], e);
        }

        return Parse(json, path);
    }

    public static Organisation Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        OrganisationFileDto? file;
        try
        {
            file = JsonSerializer.Deserialize<OrganisationFileDto>(json, Options);
        }
        catch (JsonException e)
        {
            throw new OrganisationFileException(fileName, [Describe(e)], e);
        }

        if (file is null)
        {
            throw new OrganisationFileException(fileName, ["(root): must be an object, not null"]);
        }

        return OrganisationFileValidator.Validate(file, fileName, Options);
    }

    /// <summary>
    /// Turns a serializer failure into a problem line. The serializer stops at the first such failure,
    /// so malformed JSON or a value of the wrong kind is always reported alone.
    /// </summary>
    private static string Describe(JsonException e)
    {
        // JsonException counts from zero; editors count from one.
        var where = e.LineNumber is { } line && e.BytePositionInLine is { } position
            ? $"(line {line + 1}, position {position + 1})"
            : "(position unknown)";
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        // A well-formed value of the wrong kind ("minimumStaffed": "two") is worth naming by its path;
        // the serializer's own text would name internal .NET types that mean nothing to the editor.
        if (message.Contains("could not be converted", StringComparison.Ordinal) && !string.IsNullOrEmpty(e.Path))
        {
            var path = e.Path is "$" ? "(root)" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
            return $"{path}: not the expected kind of value {where}";
        }

        return $"{where}: {message}";
    }
}
