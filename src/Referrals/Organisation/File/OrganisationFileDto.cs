using System.Text.Json;
using System.Text.Json.Serialization;

// Same namespace as the domain on purpose: a namespace called "File" would shadow System.IO.File there.
namespace PresenceBot.Referrals.Organisation;

/// <summary>
/// The organisation file exactly as written. Everything is nullable and loosely typed (strings for
/// days, times and dates) so that the validator, not the serializer, reports what is wrong, and all at once.
/// </summary>
internal sealed record OrganisationFileDto
{
    public string? TimeZone { get; init; }

    public WorkingHoursDto? WorkingHours { get; init; }

    public List<string?>? ExtraNonWorkingDays { get; init; }

    public List<PhoneHoursDto?>? DefaultPhoneHours { get; init; }

    public CalendarCouplingDto? CalendarCoupling { get; init; }

    public List<MunicipalityDto?>? Municipalities { get; init; }

    public List<UnitDto?>? Units { get; init; }

    public List<PersonDto?>? People { get; init; }

    /// <summary>Fields the format does not know; collected so a misspelt field is reported instead of silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}
