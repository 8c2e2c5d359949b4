using System.Collections;
using System.Reflection;
using PresenceBot.CalendarSync.Mapping;
using static PresenceBot.CalendarSync.Tests.Mapping.MappingFixtures;

namespace PresenceBot.CalendarSync.Tests.Mapping;

public sealed class PrivacyMappingTests
{
    private const string SecretSubject = "Samtal med facket om Kims uppsägning";
    private const string SecretLocation = "Advokatbyrån Lindqvist, Storgatan 4";

    [Theory]
    [InlineData("private")]
    [InlineData("confidential")]
    [InlineData("normal")]
    public void Map_EventOfAnySensitivity_NeverCarriesSubjectOrLocation(string sensitivity)
    {
        var decision = Map(Meeting() with { Sensitivity = sensitivity, Subject = SecretSubject, Location = SecretLocation });

        Assert.True(decision.IsReferral);
        var texts = StringsReachableFrom(decision).Append(decision.ToString()).Append(decision.Booking.ToString()).ToList();
        // Proves the walk reaches into the booking, so the absence checks below are not vacuous.
        Assert.Contains("AAMkAGI2-event-1", texts);
        Assert.DoesNotContain(texts, t => t.Contains("uppsägning", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(texts, t => t.Contains("Storgatan", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Map_IgnoredPrivateEvent_NeverCarriesSubjectOrLocation()
    {
        var decision = Map(Meeting("free") with { Sensitivity = "private", Subject = SecretSubject, Location = SecretLocation });

        var texts = StringsReachableFrom(decision).Append(decision.ToString()).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("uppsägning", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(texts, t => t.Contains("Storgatan", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void CalendarEventToString_LeavesOutSubjectAndLocation()
    {
        var text = (Meeting() with { Sensitivity = "private", Subject = SecretSubject, Location = SecretLocation }).ToString();

        Assert.DoesNotContain("uppsägning", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Storgatan", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AAMkAGI2-event-1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionToString_DisclosesSicknessAsAbsence()
    {
        var text = Map(Meeting("oof", "Sjuk")).ToString();

        Assert.DoesNotContain("sick", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("away", text, StringComparison.Ordinal);
    }

    /// <summary>Every string property value reachable from <paramref name="root"/>, walking records and lists.</summary>
    private static IEnumerable<string> StringsReachableFrom(object? root, int depth = 0)
    {
        if (root is null || depth > 5)
        {
            yield break;
        }

        if (root is string s)
        {
            yield return s;
            yield break;
        }

        var type = root.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true)
        {
            yield return root.ToString() ?? string.Empty;
            yield break;
        }

        if (root is IEnumerable items)
        {
            foreach (var item in items)
            {
                foreach (var text in StringsReachableFrom(item, depth + 1))
                {
                    yield return text;
                }
            }

            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            foreach (var text in StringsReachableFrom(property.GetValue(root), depth + 1))
            {
                yield return text;
            }
        }
    }
}
