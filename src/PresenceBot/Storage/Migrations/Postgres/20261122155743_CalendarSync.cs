using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace PresenceBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_sync_states",
                columns: table => new
                {
                    PersonId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DeltaLink = table.Column<string>(type: "text", nullable: false),
                    WindowStart = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    WindowEnd = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    SyncedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_sync_states", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "graph_inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    PersonId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubscriptionId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ProcessedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graph_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "graph_subscriptions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Resource = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClientState = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ExpiresAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graph_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_graph_inbox_PersonId_ProcessedAt_ReceivedAt",
                table: "graph_inbox",
                columns: new[] { "PersonId", "ProcessedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_graph_inbox_ProcessedAt_ReceivedAt",
                table: "graph_inbox",
                columns: new[] { "ProcessedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_graph_subscriptions_PersonId",
                table: "graph_subscriptions",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_sync_states");

            migrationBuilder.DropTable(
                name: "graph_inbox");

            migrationBuilder.DropTable(
                name: "graph_subscriptions");
        }
    }
}
