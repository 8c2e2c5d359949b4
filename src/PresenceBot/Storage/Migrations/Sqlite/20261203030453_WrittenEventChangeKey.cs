using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PresenceBot.Storage.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PendingSince",
                table: "publish_written_events",
                type: "INTEGER",
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
