using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PresenceBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Publishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "publish_deliveries",
                columns: table => new
                {
                    Destination = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publish_deliveries", x => new { x.Destination, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "publish_status_messages",
                columns: table => new
                {
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 280, nullable: true),
                    Pending = table.Column<string>(type: "TEXT", maxLength: 280, nullable: true),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publish_status_messages", x => x.PersonId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "publish_deliveries");

            migrationBuilder.DropTable(
                name: "publish_status_messages");
        }
    }
}
