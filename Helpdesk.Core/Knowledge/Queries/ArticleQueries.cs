using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Knowledge.Search;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Queries;

/// <summary>
/// Reading the knowledge base. Every query takes the caller and filters through
/// <see cref="ArticleAccess"/> before anything is projected: an article they may not read is missing.
/// </summary>
public sealed class ArticleQueries(IDbContextFactory<HelpdeskDbContext> dbs, IArticleSearch search, MarkdownRenderer markdown, TimeProvider clock)
{
    private const int ExcerptLength = 220;

    public async Task<ArticleView?> GetAsync(Caller caller, int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var a = await (from x in db.Articles.AsNoTracking().Where(ArticleAccess.VisibleTo(caller))
                       where x.Id == id
                       join c in db.Categories on x.CategoryId equals c.Id into cs
                       from c in cs.DefaultIfEmpty()
                       join u in db.Users on x.AuthorId equals u.Id
                       select new { Article = x, Category = c == null ? null : c.Name, Author = u.DisplayName }).SingleOrDefaultAsync(ct);
        if (a is null) return null;
        var editor = await (from v in db.ArticleVersions
                            where v.ArticleId == id
                            orderby v.Number descending
                            join u in db.Users on v.EditorId equals u.Id into us
                            from u in us.DefaultIfEmpty()
                            select u == null ? null : u.DisplayName).FirstOrDefaultAsync(ct);
        var article = a.Article;
        return new ArticleView(article.Id, article.Title, article.Body, markdown.ToHtml(article.Body), article.CategoryId, a.Category,
            ArticleTags.Parse(article.Tags), article.Visibility, article.State, a.Author, article.CreatedAt, article.UpdatedAt, editor, article.Version);
    }

    /// <summary>The knowledge base page: ranked search results with marked matches, or everything by category and title.</summary>
    public async Task<IReadOnlyList<ArticleListItem>> BrowseAsync(Caller caller, ArticleBrowse browse, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var state = caller.IsStaff ? browse.State : ArticleState.Published;
        var visible = db.Articles.AsNoTracking().Where(ArticleAccess.VisibleTo(caller)).Where(a => a.State == state);
        if (browse.CategoryId is { } category) visible = visible.Where(a => a.CategoryId == category);

        if (!string.IsNullOrWhiteSpace(browse.Text))
        {
            var hits = await search.SearchAsync(caller, new ArticleSearchQuery(browse.Text)
            {
                States = [state], CategoryId = browse.CategoryId, Limit = browse.Limit,
            }, ct);
            var ids = hits.Select(h => h.Id).ToList();
            var rows = await Rows(db, visible.Where(a => ids.Contains(a.Id))).ToDictionaryAsync(r => r.Id, ct);
            return [.. hits.Where(h => rows.ContainsKey(h.Id)).Select(h => (Hit: h, Row: rows[h.Id]))
                .Select(x => new ArticleListItem(x.Row.Id, x.Hit.Title, x.Hit.Snippet, x.Row.Category, ArticleTags.Parse(x.Row.Tags), x.Row.Visibility, x.Row.State, x.Row.UpdatedAt))];
        }

        var all = await Rows(db, visible).ToListAsync(ct);
        return [.. all.OrderBy(r => r.Category ?? "\uffff", StringComparer.CurrentCulture).ThenBy(r => r.Title, StringComparer.CurrentCulture)
            .Take(browse.Limit)
            .Select(r => new ArticleListItem(r.Id, Highlighted.Text(r.Title), Highlighted.Text(Excerpt(r.Text)), r.Category,
                ArticleTags.Parse(r.Tags), r.Visibility, r.State, r.UpdatedAt))];
    }

    /// <summary>Categories holding articles the caller can read in <paramref name="state"/>, for the page's filter.</summary>
    public async Task<IReadOnlyList<CategoryCount>> CategoriesAsync(Caller caller, ArticleState state = ArticleState.Published, CancellationToken ct = default)
    {
        if (!caller.IsStaff) state = ArticleState.Published;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await (from a in db.Articles.Where(ArticleAccess.VisibleTo(caller))
                            where a.State == state && a.CategoryId != null
                            join c in db.Categories on a.CategoryId equals c.Id
                            group a by new { c.Id, c.Name } into g
                            select new CategoryCount(g.Key.Id, g.Key.Name, g.Count())).ToListAsync(ct);
        return [.. counts.OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// Published articles for a request being typed: any word of the subject may match, the category
    /// chosen ranks first. Requesters get public articles only (the search applies their access).
    /// </summary>
    public async Task<IReadOnlyList<ArticleSuggestion>> SuggestAsync(Caller caller, string? subject, int? categoryId, int limit = 3, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(subject)) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var prefer = categoryId is { } c ? await WithParentAsync(db, c, ct) : [];
        var hits = await search.SearchAsync(caller, new ArticleSearchQuery(subject)
        {
            Match = SearchMatch.AnyWord, PreferCategoryIds = prefer, Limit = limit,
        }, ct);
        return await SuggestionsAsync(db, caller, hits, ct);
    }

    /// <summary>
    /// Suggested articles in a ticket's workspace (staff): what matches its subject, or
    /// <paramref name="text"/> if the agent searched, with its category first; when the subject finds
    /// too little, the category's most used articles fill in.
    /// </summary>
    public async Task<IReadOnlyList<ArticleSuggestion>> ForTicketAsync(Caller caller, int number, string? text = null, int limit = 5, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller)).Where(t => t.Number == number)
            .Select(t => new { t.Subject, t.CategoryId }).SingleOrDefaultAsync(ct);
        if (ticket is null) return [];
        var prefer = await WithParentAsync(db, ticket.CategoryId, ct);
        var searched = !string.IsNullOrWhiteSpace(text);
        var hits = await search.SearchAsync(caller, new ArticleSearchQuery(searched ? text! : ticket.Subject)
        {
            Match = searched ? SearchMatch.AllWords : SearchMatch.AnyWord, PreferCategoryIds = prefer, Limit = limit,
        }, ct);
        var suggestions = (await SuggestionsAsync(db, caller, hits, ct)).ToList();
        if (searched || suggestions.Count >= limit) return suggestions;

        var have = suggestions.Select(s => s.Id).ToList();
        var popular = await (from a in db.Articles.AsNoTracking().Where(ArticleAccess.VisibleTo(caller))
                             where a.State == ArticleState.Published && a.CategoryId != null && prefer.Contains(a.CategoryId.Value) && !have.Contains(a.Id)
                             join c in db.Categories on a.CategoryId equals c.Id
                             let uses = db.ArticleTickets.Count(l => l.ArticleId == a.Id)
                             orderby uses descending, a.Title
                             select new { a.Id, a.Title, a.PlainText, Category = c.Name, a.Visibility })
                            .Take(limit - suggestions.Count).ToListAsync(ct);
        suggestions.AddRange(popular.Select(p => new ArticleSuggestion(p.Id, p.Title, Highlighted.Text(p.Title), Highlighted.Text(Excerpt(p.PlainText)), p.Category, p.Visibility)));
        return suggestions;
    }

    /// <summary>The tickets an article solved and the requests it deflected (staff only; null for anyone else or a missing article).</summary>
    public async Task<ArticleImpact?> ImpactAsync(Caller caller, int id, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Articles.Where(ArticleAccess.VisibleTo(caller)).AnyAsync(a => a.Id == id, ct)) return null;
        var total = await db.ArticleTickets.CountAsync(l => l.ArticleId == id, ct);
        var deflections = await db.Deflections.CountAsync(d => d.ArticleId == id, ct);
        var tickets = await (from l in db.ArticleTickets
                             where l.ArticleId == id
                             join t in db.Tickets.Where(TicketAccess.VisibleTo(caller)) on l.TicketId equals t.Id
                             orderby l.At descending
                             select new SolvedTicket(t.Number, t.Subject, t.Status, l.Kind, l.At)).Take(50).ToListAsync(ct);
        return new ArticleImpact(total, deflections, tickets);
    }

    /// <summary>An article's versions, newest first (staff only).</summary>
    public async Task<IReadOnlyList<ArticleVersionLine>> HistoryAsync(Caller caller, int id, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from v in db.ArticleVersions
                      where v.ArticleId == id
                      join u in db.Users on v.EditorId equals u.Id into us
                      from u in us.DefaultIfEmpty()
                      orderby v.Number descending
                      select new ArticleVersionLine(v.Number, v.At, u == null ? null : u.DisplayName, v.Changes, v.Title, v.State, v.Visibility)).ToListAsync(ct);
    }

    public async Task<ArticleVersionView?> VersionAsync(Caller caller, int id, int number, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var v = await (from x in db.ArticleVersions.AsNoTracking()
                       where x.ArticleId == id && x.Number == number
                       join u in db.Users on x.EditorId equals u.Id into us
                       from u in us.DefaultIfEmpty()
                       select new { Version = x, Editor = u == null ? null : u.DisplayName }).SingleOrDefaultAsync(ct);
        return v is null ? null : new ArticleVersionView(v.Version.Number, v.Version.Title, markdown.ToHtml(v.Version.Body),
            ArticleTags.Parse(v.Version.Tags), v.Version.Visibility, v.Version.At, v.Editor);
    }

    /// <summary>The knowledge admin page: how much the knowledge base is used and what it saves (staff only).</summary>
    public async Task<KnowledgeFigures?> FiguresAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var states = await db.Articles.GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var internalCount = await db.Articles.CountAsync(a => a.Visibility == ArticleVisibility.Internal && a.State == ArticleState.Published, ct);
        var deflections = await db.Deflections.CountAsync(ct);
        var recentCount = await db.Deflections.CountAsync(d => d.At >= since, ct);
        var solved = await db.ArticleTickets.Select(l => l.TicketId).Distinct().CountAsync(ct);

        var figures = db.Articles.Select(a => new
        {
            a.Id, a.Title, a.State, a.UpdatedAt,
            Deflections = db.Deflections.Count(d => d.ArticleId == a.Id),
            Tickets = db.ArticleTickets.Count(l => l.ArticleId == a.Id),
        });
        var top = await figures.Where(f => f.Deflections + f.Tickets > 0).OrderByDescending(f => f.Deflections + f.Tickets).ThenBy(f => f.Title)
            .Take(10).ToListAsync(ct);
        var drafts = await figures.Where(f => f.State == ArticleState.Draft).OrderByDescending(f => f.UpdatedAt).Take(20).ToListAsync(ct);
        var recent = await (from d in db.Deflections
                            join a in db.Articles on d.ArticleId equals a.Id
                            orderby d.At descending
                            select new DeflectionLine(d.At, d.Subject, a.Id, a.Title)).Take(10).ToListAsync(ct);
        return new KnowledgeFigures(states.GetValueOrDefault(ArticleState.Published), states.GetValueOrDefault(ArticleState.Draft),
            states.GetValueOrDefault(ArticleState.Archived), internalCount, deflections, recentCount, solved,
            [.. top.Select(f => new ArticleFigure(f.Id, f.Title, f.State, f.Deflections, f.Tickets, f.UpdatedAt))], recent,
            [.. drafts.Select(f => new ArticleFigure(f.Id, f.Title, f.State, f.Deflections, f.Tickets, f.UpdatedAt))]);
    }

    private sealed record Row(int Id, string Title, string Text, string? Category, string Tags, ArticleVisibility Visibility, ArticleState State, DateTime UpdatedAt);

    private static IQueryable<Row> Rows(HelpdeskDbContext db, IQueryable<Article> articles) =>
        from a in articles
        join c in db.Categories on a.CategoryId equals c.Id into cs
        from c in cs.DefaultIfEmpty()
        select new Row(a.Id, a.Title, a.PlainText.Substring(0, ExcerptLength + 40), c == null ? null : c.Name, a.Tags, a.Visibility, a.State, a.UpdatedAt);

    private static async Task<IReadOnlyList<ArticleSuggestion>> SuggestionsAsync(HelpdeskDbContext db, Caller caller, IReadOnlyList<ArticleHit> hits, CancellationToken ct)
    {
        if (hits.Count == 0) return [];
        var ids = hits.Select(h => h.Id).ToList();
        var rows = await (from a in db.Articles.AsNoTracking().Where(ArticleAccess.VisibleTo(caller))
                          where ids.Contains(a.Id)
                          join c in db.Categories on a.CategoryId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          select new { a.Id, a.Title, Category = c == null ? null : c.Name, a.Visibility }).ToDictionaryAsync(r => r.Id, ct);
        return [.. hits.Where(h => rows.ContainsKey(h.Id))
            .Select(h => new ArticleSuggestion(h.Id, rows[h.Id].Title, h.Title, h.Snippet, rows[h.Id].Category, rows[h.Id].Visibility))];
    }

    private static async Task<IReadOnlyList<int>> WithParentAsync(HelpdeskDbContext db, int categoryId, CancellationToken ct)
    {
        var parent = await db.Categories.Where(c => c.Id == categoryId).Select(c => c.ParentId).SingleOrDefaultAsync(ct);
        return parent is { } p ? [categoryId, p] : [categoryId];
    }

    /// <summary>The start of an article's text, cut at a word.</summary>
    internal static string Excerpt(string text)
    {
        text = text.Replace('\n', ' ').Trim();
        if (text.Length <= ExcerptLength) return text;
        var cut = text.LastIndexOf(' ', ExcerptLength);
        return text[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)].TrimEnd(',', ';', ':', '.') + "…";
    }
}
