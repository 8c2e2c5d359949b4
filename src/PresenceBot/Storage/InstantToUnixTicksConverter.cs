using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace PresenceBot.Storage;

/// <summary>Stores an <see cref="Instant"/> as 100-ns ticks since the Unix epoch (order-preserving).</summary>
internal sealed class InstantToUnixTicksConverter() : ValueConverter<Instant, long>(
    instant => instant.ToUnixTimeTicks(),
    ticks => Instant.FromUnixTimeTicks(ticks));
