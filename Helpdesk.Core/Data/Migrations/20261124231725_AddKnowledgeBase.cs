using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddKnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    PlainText = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Articles_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Articles_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CannedReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    SetsStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedReplies_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CannedReplies_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CannedReplies_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArticleTickets",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ById = table.Column<int>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleTickets", x => new { x.ArticleId, x.TicketId });
                    table.ForeignKey(
                        name: "FK_ArticleTickets_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleTickets_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ArticleTickets_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArticleVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    EditorId = table.Column<int>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleVersions_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleVersions_AspNetUsers_EditorId",
                        column: x => x.EditorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Deflections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deflections_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Deflections_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_AuthorId",
                table: "Articles",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId",
                table: "Articles",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_State_Visibility_CategoryId",
                table: "Articles",
                columns: new[] { "State", "Visibility", "CategoryId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTickets_ById",
                table: "ArticleTickets",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTickets_TicketId",
                table: "ArticleTickets",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleVersions_ArticleId_Number",
                table: "ArticleVersions",
                columns: new[] { "ArticleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleVersions_EditorId",
                table: "ArticleVersions",
                column: "EditorId");

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_CreatedById",
                table: "CannedReplies",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_OwnerId",
                table: "CannedReplies",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_TeamId",
                table: "CannedReplies",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Deflections_ArticleId_At",
                table: "Deflections",
                columns: new[] { "ArticleId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Deflections_At",
                table: "Deflections",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Deflections_UserId",
                table: "Deflections",
                column: "UserId");

            // Full-text search over articles (SQLite FTS5). PostgreSQL gets its own index with its provider.
            // An external-content table: the text lives once, in Articles; triggers keep the index in step.
            // A later migration that rebuilds the Articles table (SQLite cannot alter a column) drops these
            // triggers with it and must create them again.
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("""
                    CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                        "Title", "PlainText", "Tags",
                        content='Articles', content_rowid='Id',
                        tokenize='porter unicode61 remove_diacritics 2');
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "Articles_SearchInsert" AFTER INSERT ON "Articles" BEGIN
                        INSERT INTO "ArticleSearch"(rowid, "Title", "PlainText", "Tags") VALUES (new."Id", new."Title", new."PlainText", new."Tags");
                    END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "Articles_SearchDelete" AFTER DELETE ON "Articles" BEGIN
                        INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "PlainText", "Tags") VALUES ('delete', old."Id", old."Title", old."PlainText", old."Tags");
                    END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "Articles_SearchUpdate" AFTER UPDATE OF "Title", "PlainText", "Tags" ON "Articles" BEGIN
                        INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "PlainText", "Tags") VALUES ('delete', old."Id", old."Title", old."PlainText", old."Tags");
                        INSERT INTO "ArticleSearch"(rowid, "Title", "PlainText", "Tags") VALUES (new."Id", new."Title", new."PlainText", new."Tags");
                    END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_SearchUpdate";""");
                migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_SearchDelete";""");
                migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_SearchInsert";""");
                migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
            }

            migrationBuilder.DropTable(
                name: "ArticleTickets");

            migrationBuilder.DropTable(
                name: "ArticleVersions");

            migrationBuilder.DropTable(
                name: "CannedReplies");

            migrationBuilder.DropTable(
                name: "Deflections");

            migrationBuilder.DropTable(
                name: "Articles");
        }
    }
}
