using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectKey",
                table: "Tickets",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Tickets filed before get an approximation (SQL has no regular expressions); new ones get SubjectKey.Of.
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"SubjectKey\" = lower(trim(\"Subject\"));");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CreatedAt",
                table: "Tickets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_Report",
                table: "Tickets",
                columns: new[] { "Status", "Priority", "TeamId", "Tier" },
                filter: "\"IsOpen\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolvedAt",
                table: "Tickets",
                column: "ResolvedAt",
                filter: "\"ResolvedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Audit_Field_At",
                table: "Audit",
                columns: new[] { "Field", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_CreatedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_Report",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolvedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Audit_Field_At",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "SubjectKey",
                table: "Tickets");
        }
    }
}
