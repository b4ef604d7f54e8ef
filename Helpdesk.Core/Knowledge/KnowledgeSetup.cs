using Helpdesk.Core.Knowledge.Queries;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Knowledge.Search;
using Helpdesk.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Knowledge;

public static class KnowledgeSetup
{
    /// <summary>Articles, their search, canned replies and the commands that change them.</summary>
    public static IServiceCollection AddHelpdeskKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        // Each provider answers with its own full-text search: FTS5 on SQLite, tsvector on PostgreSQL.
        services.AddSingleton<SqliteArticleSearch>();
        services.AddSingleton<PostgresArticleSearch>();
        services.AddSingleton<IArticleSearch>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresArticleSearch>() : sp.GetRequiredService<SqliteArticleSearch>());
        services.AddSingleton<KnowledgeWriter>();
        services.AddSingleton<ArticleQueries>();
        services.AddSingleton<CannedReplyQueries>();
        foreach (var type in typeof(KnowledgeSetup).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IKnowledgeHandler<,>)))
                services.AddSingleton(contract, type);
        return services;
    }
}
