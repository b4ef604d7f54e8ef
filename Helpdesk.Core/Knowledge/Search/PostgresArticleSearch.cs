using System.Globalization;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Knowledge.Rendering;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Helpdesk.Core.Knowledge.Search;

/// <summary>
/// PostgreSQL text search over the stored "SearchVector" of Articles (the InitialPostgres migration:
/// title weight A, tags B, body C; English stemming without stop words, accents folded; GIN index). ts_rank_cd ranks,
/// an article in a preferred category ranks half as well again; ts_headline marks matches (a
/// short body whole, a long one as a passage between ellipses, as FTS5's snippet).
/// </summary>
public sealed class PostgresArticleSearch(IDbContextFactory<HelpdeskDbContext> dbs) : IArticleSearch
{
    private const int SnippetWords = 24;
    /// <summary>ts_rank_cd weights of D, C (body), B (tags), A (title): the title weighs most, as with FTS5.</summary>
    private const string Weights = "{0.1, 0.2, 0.5, 1.0}";

    public async Task<IReadOnlyList<ArticleHit>> SearchAsync(Caller caller, ArticleSearchQuery query, CancellationToken ct = default)
    {
        var expression = TsQuery.Build(query.Text, query.Match);
        var states = ArticleAccess.StatesFor(caller, query.States);
        if (expression is null || states.Count == 0 || query.Limit <= 0) return [];

        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        var prefer = query.PreferCategoryIds.Count == 0 ? "1.0"
            : $"CASE WHEN a.\"CategoryId\" IN ({Ints(query.PreferCategoryIds)}) THEN 1.5 ELSE 1.0 END";
        var marks = $"StartSel=\"{Highlighted.Open}\", StopSel=\"{Highlighted.Close}\"";
        command.CommandText = $"""
            WITH q AS (SELECT to_tsquery('helpdesk', helpdesk_unaccent(@match)) AS query)
            SELECT a."Id",
                   ts_headline('helpdesk', a."Title", q.query, '{marks}, HighlightAll=true'),
                   CASE WHEN array_length(regexp_split_to_array(trim(a."PlainText"), '\s+'), 1) <= {SnippetWords}
                        THEN ts_headline('helpdesk', a."PlainText", q.query, '{marks}, HighlightAll=true')
                        ELSE '…' || ts_headline('helpdesk', a."PlainText", q.query, '{marks}, MaxWords={SnippetWords}, MinWords={SnippetWords / 2}, ShortWord=1') || '…' END,
                   -(ts_rank_cd('{Weights}', a."SearchVector", q.query) * {prefer})::float8 AS "Rank"
            FROM "Articles" AS a, q
            WHERE a."SearchVector" @@ q.query
              AND a."State" IN ({Ints(states.Select(s => (int)s))})
              AND {ArticleAccess.SqlFilter(caller, "a")}
              {(query.CategoryId is null ? "" : "AND a.\"CategoryId\" = @category")}
            ORDER BY "Rank", a."Id"
            LIMIT @limit
            """;
        command.Parameters.AddWithValue("match", expression);
        command.Parameters.AddWithValue("limit", query.Limit);
        if (query.CategoryId is { } category) command.Parameters.AddWithValue("category", category);

        var hits = new List<ArticleHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            hits.Add(new ArticleHit(reader.GetInt32(0), Highlighted.ToHtml(reader.GetString(1)),
                Highlighted.ToHtml(reader.IsDBNull(2) ? null : reader.GetString(2)), reader.GetDouble(3)));
        return hits;
    }

    private static string Ints(IEnumerable<int> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
