using Microsoft.EntityFrameworkCore;
using PresenceBot.Publishing.TeamsStatus;
using PresenceBot.Publishing.WriteBack;

namespace PresenceBot.Publishing;

/// <summary>
/// Publishing's tables: the last state each destination was sent per person, the Teams status message we set, and the
/// Outlook events we wrote.
/// </summary>
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

        modelBuilder.Entity<StatusMessageRow>(message =>
        {
            message.ToTable("publish_status_messages");
            message.HasKey(m => m.PersonId);
            message.Property(m => m.PersonId).HasMaxLength(64);
            // Graph allows 280 characters; ours are far shorter.
            message.Property(m => m.Text).HasMaxLength(280);
            message.Property(m => m.Pending).HasMaxLength(280);
        });

        modelBuilder.Entity<WrittenEventRow>(written =>
        {
            written.ToTable("publish_written_events");
            written.HasKey(w => w.ReferralId);
            written.Property(w => w.PersonId).HasMaxLength(64);
            written.Property(w => w.EventId).HasMaxLength(512);
            written.Property(w => w.ChangeKey).HasMaxLength(512);
            written.Property(w => w.Written).HasMaxLength(160);
            written.Property(w => w.Pending).HasMaxLength(160);
            written.Property(w => w.Unconfirmed).HasMaxLength(820);
            written.Property(w => w.TransactionId).HasMaxLength(96);
            written.Ignore(w => w.Ours);
            written.Property(w => w.State).HasConversion<string>().HasMaxLength(16);
            written.HasIndex(w => new { w.PersonId, w.EventId });
            written.HasIndex(w => w.End);
        });
    }
}
