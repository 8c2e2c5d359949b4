using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace PresenceBot.Storage.Migrations.Postgres
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
                    Destination = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OccurredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publish_deliveries", x => new { x.Destination, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "publish_status_messages",
                columns: table => new
                {
                    PersonId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: true),
                    Pending = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: true),
                    SetAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
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
