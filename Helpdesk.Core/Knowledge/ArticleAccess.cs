using System.Linq.Expressions;
using Helpdesk.Core.Application;

namespace Helpdesk.Core.Knowledge;

/// <summary>
/// Who may read which article, in one place. Staff read everything (drafts, internal, archived);
/// anyone else reads published public articles only. An article someone may not read answers
/// exactly like a missing one, in every query and command.
/// </summary>
public static class ArticleAccess
{
    public static Expression<Func<Article, bool>> VisibleTo(Caller caller) => caller.IsStaff
        ? a => true
        : a => a.State == ArticleState.Published && a.Visibility == ArticleVisibility.Public;

    /// <summary>The same rule for SQL written by hand (full-text search); <paramref name="alias"/> is the Articles table's.</summary>
    public static string SqlFilter(Caller caller, string alias) => caller.IsStaff
        ? "1 = 1"
        : $"{alias}.\"State\" = {(int)ArticleState.Published} AND {alias}.\"Visibility\" = {(int)ArticleVisibility.Public}";

    /// <summary>The states a caller may ask for: requesters get published articles whatever they ask.</summary>
    public static IReadOnlyCollection<ArticleState> StatesFor(Caller caller, IReadOnlyCollection<ArticleState> wanted) =>
        caller.IsStaff ? wanted : [.. wanted.Where(s => s == ArticleState.Published)];
}
