using Microsoft.EntityFrameworkCore;

namespace PresenceBot.WorkQueue;

/// <summary>The work queue's two tables.</summary>
internal static class WorkQueueRowsConfiguration
{
    public const int MaxErrorLength = 2000;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkItemRow>(item =>
        {
            item.ToTable("work_items");
            item.HasKey(i => i.Id);
            item.Property(i => i.Kind).HasMaxLength(64);
            item.Property(i => i.Key).HasMaxLength(256);
            item.Property(i => i.LeaseOwner).HasMaxLength(64);
            item.Property(i => i.FirstError).HasMaxLength(MaxErrorLength);
            item.Property(i => i.LastError).HasMaxLength(MaxErrorLength);
            // The coalescing key: the enqueue upserts on it.
            item.HasIndex(i => new { i.Kind, i.Key }).IsUnique();
            // The claim: what is due, per kind.
            item.HasIndex(i => new { i.Kind, i.DueAt });
        });

        modelBuilder.Entity<DeadLetterRow>(dead =>
        {
            dead.ToTable("work_dead_letters");
            dead.HasKey(d => d.Id);
            dead.Property(d => d.Kind).HasMaxLength(64);
            dead.Property(d => d.Key).HasMaxLength(256);
            dead.Property(d => d.FirstError).HasMaxLength(MaxErrorLength);
            dead.Property(d => d.LastError).HasMaxLength(MaxErrorLength);
            dead.HasIndex(d => new { d.Kind, d.DeadAt });
        });
    }
}
