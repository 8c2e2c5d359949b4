using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace PresenceBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WrittenEventChangeKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChangeKey",
                table: "publish_written_events",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "PendingSince",
                table: "publish_written_events",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangeKey",
                table: "publish_written_events");

            migrationBuilder.DropColumn(
                name: "PendingSince",
                table: "publish_written_events");
        }
    }
}
