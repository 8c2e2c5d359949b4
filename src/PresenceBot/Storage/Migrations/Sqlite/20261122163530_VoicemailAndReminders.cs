using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PresenceBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VoicemailAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "coverage_alerted_gaps",
                columns: table => new
                {
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coverage_alerted_gaps", x => new { x.UnitId, x.From, x.To });
                });

            migrationBuilder.CreateTable(
                name: "sent_reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voicemail_snoozes",
                columns: table => new
                {
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voicemail_snoozes", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "voicemails",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voicemails", x => new { x.Source, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_sent_reminders_ClaimedAt",
                table: "sent_reminders",
                column: "ClaimedAt");

            migrationBuilder.CreateIndex(
                name: "IX_sent_reminders_Kind_RecipientId_Subject_Slot",
                table: "sent_reminders",
                columns: new[] { "Kind", "RecipientId", "Subject", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sent_reminders_RecipientId_Kind_ClaimedAt",
                table: "sent_reminders",
                columns: new[] { "RecipientId", "Kind", "ClaimedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_voicemails_PersonId_State_ReceivedAt",
                table: "voicemails",
                columns: new[] { "PersonId", "State", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_voicemails_State_PersonId",
                table: "voicemails",
                columns: new[] { "State", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coverage_alerted_gaps");

            migrationBuilder.DropTable(
                name: "sent_reminders");

            migrationBuilder.DropTable(
                name: "voicemail_snoozes");

            migrationBuilder.DropTable(
                name: "voicemails");
        }
    }
}
