using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace PresenceBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GroupMembershipDelta : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "group_membership_states",
                columns: table => new
                {
                    GroupId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DeltaLink = table.Column<string>(type: "text", nullable: false),
                    FullReadAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    SyncedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_membership_states", x => x.GroupId);
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    GroupId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Upn = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_members", x => new { x.GroupId, x.UserId });
                    table.ForeignKey(
                        name: "FK_group_members_group_membership_states_GroupId",
                        column: x => x.GroupId,
                        principalTable: "group_membership_states",
                        principalColumn: "GroupId",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_members");

            migrationBuilder.DropTable(
                name: "group_membership_states");
        }
    }
}
