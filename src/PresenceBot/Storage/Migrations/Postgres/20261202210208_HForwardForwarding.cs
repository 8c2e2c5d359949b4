using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace PresenceBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HForwardForwarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "ForwardFrom",
                table: "person_states",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "ForwardSetAt",
                table: "person_states",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForwardToId",
                table: "person_states",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "ForwardUntil",
                table: "person_states",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_person_states_ForwardToId",
                table: "person_states",
                column: "ForwardToId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_states_ForwardToId",
                table: "person_states");

            migrationBuilder.DropColumn(
                name: "ForwardFrom",
                table: "person_states");

            migrationBuilder.DropColumn(
                name: "ForwardSetAt",
                table: "person_states");

            migrationBuilder.DropColumn(
                name: "ForwardToId",
                table: "person_states");

            migrationBuilder.DropColumn(
                name: "ForwardUntil",
                table: "person_states");
        }
    }
}
