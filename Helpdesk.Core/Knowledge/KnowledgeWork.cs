using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Resources;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Core.Knowledge;

/// <summary>What a knowledge command works with inside the one write transaction.</summary>
public sealed class KnowledgeWork(HelpdeskDbContext db, Caller caller, DateTime now, IStringLocalizer<Messages> localizer)
{
    public HelpdeskDbContext Db { get; } = db;
    public Caller Caller { get; } = caller;
    public DateTime Now { get; } = now;

    /// <summary>Steps that need the ids of rows added by this command; run once those are saved.</summary>
    internal List<Action> WhenSaved { get; } = [];

    /// <summary>Set by a restore so its version row says which version came back.</summary>
    internal int? RestoredFrom { get; set; }

    /// <summary>Localized text for the caller's culture.</summary>
    public string T(string key, params object[] args) => localizer[key, args];

    public CommandError ArticleNotFound(int id) => CommandError.NotFound(T("Article {0} was not found.", id));

    public CommandError Forbidden() => CommandError.Forbidden(T("Only agents can change the knowledge base."));

    public CommandError Invalid(FieldErrors errors) => CommandError.Invalid(T("Please correct the highlighted fields."), errors.ToDictionary());

    public CommandError Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }
}
