using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Knowledge;

/// <summary>
/// The one write path of the knowledge base, shaped like <see cref="TicketWriter"/>: the write gate,
/// one BEGIN IMMEDIATE transaction, the caller's access rules, a stale-edit check; then, for every
/// article the command added or changed, the searchable plain text is refreshed, the version bumped
/// and a full <see cref="ArticleVersion"/> written with the fields that changed. No command can
/// change an article without leaving its version row.
/// </summary>
public sealed class KnowledgeWriter(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    TimeProvider clock,
    MarkdownRenderer markdown,
    IStringLocalizer<Messages> localizer,
    ILogger<KnowledgeWriter> log)
{
    // What a person changes, in the order a version line names them; the rest is bookkeeping.
    private static readonly string[] Fields =
        [nameof(Article.Title), nameof(Article.Body), nameof(Article.CategoryId), nameof(Article.Tags), nameof(Article.Visibility), nameof(Article.State)];

    public async Task<Result<T>> ExecuteAsync<T>(string command, Caller caller, Func<KnowledgeWork, Task<Result<T>>> work, CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var w = new KnowledgeWork(db, caller, clock.GetUtcNow().UtcDateTime, localizer);

        var outcome = await work(w);
        if (!outcome.Succeeded) return outcome;
        try
        {
            await RecordVersionsAsync(w, ct);
            foreach (var step in w.WhenSaved) step();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Only another process can race us past the write gate.
            return CommandError.Conflict(w.T("Someone else saved a change at the same moment. Yours was not saved; please try again."));
        }
        log.LogInformation("{Command} by {Actor}", command, caller.UserId);
        return outcome;
    }

    /// <summary>Runs a command that creates or changes one article (staff only) and answers with it as saved.</summary>
    public async Task<Result<ArticleSaved>> SaveArticleAsync(string command, Caller caller, Func<KnowledgeWork, Task<Result<Article>>> work, CancellationToken ct = default)
    {
        var result = await ExecuteAsync(command, caller, async w => caller.IsStaff ? await work(w) : w.Forbidden(), ct);
        return result.Succeeded ? ArticleSaved.From(result.Value!) : result.Error!;
    }

    /// <summary>
    /// Runs a command on an existing article. One the caller may not read answers like a missing one;
    /// one they may read but not edit is refused. <paramref name="expectedVersion"/> is the version the
    /// caller's screen showed: if it changed since, nothing is written and the error names who changed it.
    /// </summary>
    public async Task<Result<ArticleSaved>> UpdateArticleAsync(string command, Caller caller, int id, int? expectedVersion,
        Func<KnowledgeWork, Article, Task<CommandError?>> apply, CancellationToken ct = default)
    {
        var result = await ExecuteAsync<Article>(command, caller, async w =>
        {
            var article = await w.Db.Articles.Where(ArticleAccess.VisibleTo(caller)).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (article is null) return w.ArticleNotFound(id);
            if (!caller.IsStaff) return w.Forbidden();
            if (expectedVersion is { } seen && seen != article.Version) return await StaleEditAsync(w, article, seen, ct);
            var error = await apply(w, article);
            return error is null ? article : error;
        }, ct);
        return result.Succeeded ? ArticleSaved.From(result.Value!) : result.Error!;
    }

    private async Task RecordVersionsAsync(KnowledgeWork w, CancellationToken ct)
    {
        var changed = new List<(Article Article, string Changes)>();
        foreach (var entry in w.Db.ChangeTracker.Entries<Article>().ToList())
        {
            if (entry.State == EntityState.Added)
            {
                changed.Add((entry.Entity, "Created"));
                continue;
            }
            if (entry.State != EntityState.Modified) continue;
            var fields = Fields.Where(f => entry.Property(f) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
            // Saved without a real change (the same text again): nothing to version.
            if (fields.Count == 0) { entry.State = EntityState.Unchanged; continue; }
            changed.Add((entry.Entity, w.RestoredFrom is { } from ? $"Restored:{from}" : string.Join(", ", fields)));
        }
        if (changed.Count == 0) return;

        foreach (var (article, _) in changed)
        {
            article.PlainText = markdown.ToPlainText(article.Body);
            article.Saved(w.Now);
        }
        await w.Db.SaveChangesAsync(ct); // new articles get their ids
        foreach (var (article, changes) in changed)
            w.Db.ArticleVersions.Add(new ArticleVersion(article, w.Caller.ActorId, w.Now, changes));
    }

    private static async Task<CommandError> StaleEditAsync(KnowledgeWork w, Article article, int seen, CancellationToken ct)
    {
        var who = await (from v in w.Db.ArticleVersions
                         where v.ArticleId == article.Id && v.Number > seen
                         join u in w.Db.Users on v.EditorId equals u.Id into editors
                         from u in editors.DefaultIfEmpty()
                         orderby v.Number
                         select u == null ? null : u.DisplayName).ToListAsync(ct);
        var names = string.Join(", ", who.Select(n => n ?? w.T("the system")).Distinct());
        return CommandError.Conflict(w.T("\"{0}\" was changed by {1} while you were looking at it. Your change was not saved: copy what you wrote, reload and try again.",
            article.Title, names));
    }
}
