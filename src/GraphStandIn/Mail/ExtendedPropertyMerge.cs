namespace PresenceBot.GraphStandIn.Mail;

/// <summary>
/// Writes <c>singleValueExtendedProperties</c> onto an item as Graph does on create and PATCH: each one given is
/// added, or replaces the one with the same id; the others stay. Messages and events share it.
/// </summary>
internal static class ExtendedPropertyMerge
{
    /// <summary>Throws <see cref="ArgumentException"/> for an id that is not an extended property id or a missing value.</summary>
    public static List<ExtendedProperty> Merge(IEnumerable<ExtendedProperty> current, IEnumerable<ExtendedProperty?>? changes)
    {
        var properties = current.ToList();
        foreach (var property in changes ?? [])
        {
            if (PropertyId.Parse(property?.Id) is not { } id || property!.Value is null)
            {
                throw new ArgumentException(
                    $"'{property?.Id}' is not an extended property id like 'String 0x001A' or 'String {{guid}} Name X', or it has no value.");
            }

            // A property set again keeps the id it was first written with (Exchange keeps a named property's name).
            var existing = properties.FindIndex(p => PropertyId.Parse(p.Id) is { } own && own.Matches(id));
            if (existing >= 0)
            {
                properties[existing] = properties[existing] with { Value = property.Value };
            }
            else
            {
                properties.Add(new ExtendedProperty(id.Canonical, property.Value));
            }
        }

        return properties;
    }
}
