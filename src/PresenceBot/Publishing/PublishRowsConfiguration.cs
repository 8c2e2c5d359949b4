using Microsoft.EntityFrameworkCore;

namespace PresenceBot.Publishing;

/// <summary>Publishing's table: the last state each destination was sent per person.</summary>
internal static class PublishRowsConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PublishDeliveryRow>(delivery =>
        {
            delivery.ToTable("publish_deliveries");
            delivery.HasKey(d => new { d.Destination, d.PersonId });
            delivery.Property(d => d.Destination).HasMaxLength(64);
            delivery.Property(d => d.PersonId).HasMaxLength(64);
            delivery.Property(d => d.Fingerprint).HasMaxLength(64);
        });
    }
}
