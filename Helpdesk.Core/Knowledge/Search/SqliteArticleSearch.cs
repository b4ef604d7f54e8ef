using System.Data.Common;
using System.Globalization;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Knowledge.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Search;

/// <summary>
/// FTS5 over the "ArticleSearch" index the AddKnowledgeBase migration creates (title, plain-text body,
/// tags; porter stemming, accents folded). bm25 ranks with the title weighing most, then tags; an
/// article in a preferred category ranks half as well again. highlight() and snippet() mark matches.
/// </summary>
public sealed class SqliteArticleSearch(IDbContextFactory<HelpdeskDbContext> dbs) : IArticleSearch
{
    private const string Weights = "10.0, 1.0, 5.0";
    private const int SnippetWords = 24;

    public async Task<IReadOnlyList<ArticleHit>> SearchAsync(Caller caller, ArticleSearchQuery query, CancellationToken ct = default)
    {
        var match = FtsQuery.Build(query.Text, query.Match);
        var states = ArticleAccess.StatesFor(caller, query.States);
        if (match is null || states.Count == 0 || query.Limit <= 0) return [];

        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var prefer = query.PreferCategoryIds.Count == 0 ? "1.0"
            : $"CASE WHEN a.\"CategoryId\" IN ({Ints(query.PreferCategoryIds)}) THEN 1.5 ELSE 1.0 END";
        command.CommandText = $"""
            SELECT a."Id",
                   highlight("ArticleSearch", 0, char({(int)Highlighted.Open}), char({(int)Highlighted.Close})),
                   snippet("ArticleSearch", 1, char({(int)Highlighted.Open}), char({(int)Highlighted.Close}), '…', {SnippetWords}),
                   bm25("ArticleSearch", {Weights}) * {prefer} AS "Rank"
            FROM "ArticleSearch"
            JOIN "Articles" AS a ON a."Id" = "ArticleSearch".rowid
            WHERE "ArticleSearch" MATCH $match
              AND a."State" IN ({Ints(states.Select(s => (int)s))})
              AND {ArticleAccess.SqlFilter(caller, "a")}
              {(query.CategoryId is null ? "" : "AND a.\"CategoryId\" = $category")}
            ORDER BY "Rank", a."Id"
            LIMIT $limit
            """;
        Add(command, "$match", match);
        Add(command, "$limit", query.Limit);
        if (query.CategoryId is { } category) Add(command, "$category", category);

        var hits = new List<ArticleHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            hits.Add(new ArticleHit(reader.GetInt32(0), Highlighted.ToHtml(reader.GetString(1)),
                Highlighted.ToHtml(reader.IsDBNull(2) ? null : reader.GetString(2)), reader.GetDouble(3)));
        return hits;
    }

    private static string Ints(IEnumerable<int> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
