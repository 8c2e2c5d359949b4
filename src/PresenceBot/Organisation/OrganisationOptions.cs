using System.ComponentModel.DataAnnotations;

namespace PresenceBot.Organisation;

/// <summary>Where the organisation file is. Relative paths are resolved against the app's folder.</summary>
public sealed class OrganisationOptions
{
    public const string SectionName = "Organisation";

    [Required]
    public string File { get; set; } = "Organisation/sample-organisation.json";

    /// <summary>How often the file is checked for changes (a valid change takes effect without a restart).</summary>
    [Range(1, 3600)]
    public int ReloadSeconds { get; set; } = 30;

    /// <summary>
    /// How often people's own couplings ("/koppling") are read from the database again: one made on another instance
    /// is in force here within this interval.
    /// </summary>
    [Range(1, 300)]
    public int RefreshSeconds { get; set; } = 10;
}
