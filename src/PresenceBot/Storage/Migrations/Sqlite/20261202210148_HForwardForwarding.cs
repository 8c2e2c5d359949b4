using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PresenceBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HForwardForwarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ForwardFrom",
                table: "person_states",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ForwardSetAt",
                table: "person_states",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForwardToId",
                table: "person_states",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ForwardUntil",
                table: "person_states",
                type: "INTEGER",
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
