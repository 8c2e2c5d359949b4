using Microsoft.EntityFrameworkCore;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

/// <summary>The tables behind units' Entra ID groups: one state row per group, one row per member.</summary>
internal static class GroupMembershipRowsConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GroupMembershipStateRow>(state =>
        {
            state.ToTable("group_membership_states");
            state.HasKey(s => s.GroupId);
            state.Property(s => s.GroupId).HasMaxLength(128);
        });

        modelBuilder.Entity<GroupMemberRow>(member =>
        {
            member.ToTable("group_members");
            member.HasKey(m => new { m.GroupId, m.UserId });
            member.Property(m => m.GroupId).HasMaxLength(128);
            member.Property(m => m.UserId).HasMaxLength(64);
            member.Property(m => m.Upn).HasMaxLength(256);
            member.Property(m => m.Name).HasMaxLength(256);
            member.HasOne<GroupMembershipStateRow>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
