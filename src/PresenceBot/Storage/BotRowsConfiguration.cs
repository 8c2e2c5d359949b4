using Microsoft.EntityFrameworkCore;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

/// <summary>The Teams bot's tables, kept apart from the referral model so each feature's mapping reads on its own.</summary>
internal static class BotRowsConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConversationReferenceRow>(reference =>
        {
            reference.ToTable("conversation_references");
            reference.HasKey(r => r.PersonId);
            reference.Property(r => r.PersonId).HasMaxLength(64);
            reference.Property(r => r.UserId).HasMaxLength(256);
            reference.Property(r => r.BotId).HasMaxLength(256);
            reference.Property(r => r.ServiceUrl).HasMaxLength(512);
            reference.Property(r => r.ConversationId).HasMaxLength(512);
            reference.Property(r => r.TenantId).HasMaxLength(64);
        });

        modelBuilder.Entity<TrustedServiceUrlRow>(trusted =>
        {
            trusted.ToTable("trusted_service_urls");
            trusted.HasKey(t => t.Url);
            trusted.Property(t => t.Url).HasMaxLength(512);
        });

        modelBuilder.Entity<CouplingOverrideRow>(coupling =>
        {
            coupling.ToTable("coupling_overrides");
            coupling.HasKey(c => c.PersonId);
            coupling.Property(c => c.PersonId).HasMaxLength(64);
            coupling.Property(c => c.Coupling).HasMaxLength(16);
        });
    }
}
