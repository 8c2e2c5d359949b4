using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PresenceBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HWritebackWrittenEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "publish_written_events",
                columns: table => new
                {
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Written = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Pending = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publish_written_events", x => x.ReferralId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_publish_written_events_End",
                table: "publish_written_events",
                column: "End");

            migrationBuilder.CreateIndex(
                name: "IX_publish_written_events_PersonId_EventId",
                table: "publish_written_events",
                columns: new[] { "PersonId", "EventId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "publish_written_events");
        }
    }
}
