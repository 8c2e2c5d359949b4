using Microsoft.EntityFrameworkCore;
using PresenceBot.Publishing;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Storage.Rows;
using PresenceBot.WorkQueue;

namespace PresenceBot.Storage;

/// <summary>
/// The product's own tables. Provider-specific subclasses exist only so each provider has its
/// own migrations; the model is defined once, here.
/// </summary>
internal abstract class PresenceBotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ReferralRow> Referrals => Set<ReferralRow>();

    public DbSet<PersonStateRow> PersonStates => Set<PersonStateRow>();

    public DbSet<AuditEntryRow> AuditEntries => Set<AuditEntryRow>();

    public DbSet<SubscriptionRow> Subscriptions => Set<SubscriptionRow>();

    public DbSet<CalendarSyncStateRow> CalendarSyncStates => Set<CalendarSyncStateRow>();
    public DbSet<ConversationReferenceRow> ConversationReferences => Set<ConversationReferenceRow>();

    public DbSet<TrustedServiceUrlRow> TrustedServiceUrls => Set<TrustedServiceUrlRow>();

    public DbSet<VoicemailRow> Voicemails => Set<VoicemailRow>();

    public DbSet<VoicemailSnoozeRow> VoicemailSnoozes => Set<VoicemailSnoozeRow>();

    public DbSet<SentReminderRow> SentReminders => Set<SentReminderRow>();

    public DbSet<AlertedGapRow> AlertedGaps => Set<AlertedGapRow>();

    public DbSet<CouplingOverrideRow> CouplingOverrides => Set<CouplingOverrideRow>();

    public DbSet<GroupMembershipStateRow> GroupMembershipStates => Set<GroupMembershipStateRow>();

    public DbSet<GroupMemberRow> GroupMembers => Set<GroupMemberRow>();

    public DbSet<WorkItemRow> WorkItems => Set<WorkItemRow>();

    public DbSet<DeadLetterRow> DeadLetters => Set<DeadLetterRow>();

    public DbSet<PublishDeliveryRow> PublishDeliveries => Set<PublishDeliveryRow>();

    public DbSet<Publishing.TeamsStatus.StatusMessageRow> StatusMessages => Set<Publishing.TeamsStatus.StatusMessageRow>();

    public DbSet<Publishing.WriteBack.WrittenEventRow> WrittenEvents => Set<Publishing.WriteBack.WrittenEventRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReferralRow>(referral =>
        {
            referral.ToTable("referrals");
            referral.HasKey(r => r.Id);
            referral.Property(r => r.PersonId).HasMaxLength(64);
            referral.Property(r => r.Reason).HasMaxLength(32);
            referral.Property(r => r.Phone).HasMaxLength(16);
            referral.Property(r => r.Source).HasMaxLength(16);
            referral.Property(r => r.Note).HasMaxLength(200);
            referral.Property(r => r.ExternalKey).HasMaxLength(512);
            referral.HasIndex(r => new { r.PersonId, r.ReturnsAt });
            // One referral per calendar event per person, even if two deliveries race.
            referral.HasIndex(r => new { r.PersonId, r.ExternalKey }).IsUnique();
            referral.HasIndex(r => r.ReturnsAt);
        });

        modelBuilder.Entity<PersonStateRow>(state =>
        {
            state.ToTable("person_states");
            state.HasKey(s => s.PersonId);
            state.Property(s => s.PersonId).HasMaxLength(64);
            state.Property(s => s.Version).IsConcurrencyToken();
            state.Property(s => s.ForwardToId).HasMaxLength(64);
            state.HasIndex(s => s.ForwardToId);
        });

        modelBuilder.Entity<AuditEntryRow>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.PersonId).HasMaxLength(64);
            audit.Property(a => a.Source).HasMaxLength(16);
            audit.Property(a => a.Actor).HasMaxLength(256);
            audit.Property(a => a.Action).HasMaxLength(32);
            audit.HasIndex(a => new { a.PersonId, a.At });
            audit.HasIndex(a => a.At);
        });

        modelBuilder.Entity<SubscriptionRow>(subscription =>
        {
            subscription.ToTable("graph_subscriptions");
            subscription.HasKey(s => s.Id);
            subscription.Property(s => s.Id).HasMaxLength(128);
            subscription.Property(s => s.PersonId).HasMaxLength(64);
            subscription.Property(s => s.Resource).HasMaxLength(256);
            subscription.Property(s => s.ClientState).HasMaxLength(128);
            subscription.HasIndex(s => s.PersonId);
        });

        modelBuilder.Entity<CalendarSyncStateRow>(state =>
        {
            state.ToTable("calendar_sync_states");
            state.HasKey(s => s.PersonId);
            state.Property(s => s.PersonId).HasMaxLength(64);
        });
        BotRowsConfiguration.Configure(modelBuilder);
        GroupMembershipRowsConfiguration.Configure(modelBuilder);
        WorkQueueRowsConfiguration.Configure(modelBuilder);
        PublishRowsConfiguration.Configure(modelBuilder);

        modelBuilder.Entity<VoicemailRow>(voicemail =>
        {
            voicemail.ToTable("voicemails");
            voicemail.HasKey(v => new { v.Source, v.Id });
            voicemail.Property(v => v.Source).HasMaxLength(32);
            voicemail.Property(v => v.Id).HasMaxLength(VoicemailMessage.MaxIdLength);
            voicemail.Property(v => v.PersonId).HasMaxLength(64);
            voicemail.Property(v => v.Caller).HasMaxLength(VoicemailMessage.MaxCallerLength);
            voicemail.HasIndex(v => new { v.PersonId, v.State, v.ReceivedAt });
            voicemail.HasIndex(v => new { v.State, v.PersonId });
        });

        modelBuilder.Entity<VoicemailSnoozeRow>(snooze =>
        {
            snooze.ToTable("voicemail_snoozes");
            snooze.HasKey(s => s.PersonId);
            snooze.Property(s => s.PersonId).HasMaxLength(64);
        });

        modelBuilder.Entity<SentReminderRow>(sent =>
        {
            sent.ToTable("sent_reminders");
            sent.HasKey(r => r.Id);
            sent.Property(r => r.Kind).HasMaxLength(40);
            sent.Property(r => r.RecipientId).HasMaxLength(64);
            sent.Property(r => r.Subject).HasMaxLength(128);
            sent.Property(r => r.Slot).HasMaxLength(128);
            // The once-only guard: two instances (or a restart) can't both claim the same reminder.
            sent.HasIndex(r => new { r.Kind, r.RecipientId, r.Subject, r.Slot }).IsUnique();
            sent.HasIndex(r => new { r.RecipientId, r.Kind, r.ClaimedAt });
            sent.HasIndex(r => r.ClaimedAt);
        });

        modelBuilder.Entity<AlertedGapRow>(gap =>
        {
            gap.ToTable("coverage_alerted_gaps");
            gap.HasKey(g => new { g.UnitId, g.From, g.To });
            gap.Property(g => g.UnitId).HasMaxLength(64);
        });
    }
}
