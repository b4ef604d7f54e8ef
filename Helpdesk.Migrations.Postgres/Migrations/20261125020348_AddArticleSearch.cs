using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Hand-written, PostgreSQL only (no model change, so no designer file): the knowledge base's text
    /// search. Kept apart from the generated migrations so those can be regenerated freely.
    /// </summary>
    [DbContext(typeof(HelpdeskDbContext))]
    [Migration("20261125020348_AddArticleSearch")]
    public partial class AddArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search over articles: PostgreSQL's answer to the SQLite FTS5 index (see
            // PostgresArticleSearch). A stored generated tsvector (title weighs most, then tags, then
            // the body; English stemming without stop words, accents folded) with a GIN index; the database keeps it in
            // step, so no triggers. unaccent is not immutable, hence the small wrapper.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE OR REPLACE FUNCTION helpdesk_unaccent(text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                    AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$;
                -- English stemming like FTS5's porter tokenizer, and like it no stop words: "vpn NOT home" looks for "not".
                CREATE TEXT SEARCH DICTIONARY helpdesk_stem (TEMPLATE = snowball, Language = english);
                CREATE TEXT SEARCH CONFIGURATION helpdesk (COPY = english);
                ALTER TEXT SEARCH CONFIGURATION helpdesk
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH helpdesk_stem;
                ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('helpdesk', helpdesk_unaccent(coalesce("Title", ''))), 'A') ||
                    setweight(to_tsvector('helpdesk', helpdesk_unaccent(coalesce("Tags", ''))), 'B') ||
                    setweight(to_tsvector('helpdesk', helpdesk_unaccent(coalesce("PlainText", ''))), 'C')) STORED;
                CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector"; DROP FUNCTION IF EXISTS helpdesk_unaccent(text); DROP TEXT SEARCH CONFIGURATION IF EXISTS helpdesk; DROP TEXT SEARCH DICTIONARY IF EXISTS helpdesk_stem;""");
        }
    }
}
