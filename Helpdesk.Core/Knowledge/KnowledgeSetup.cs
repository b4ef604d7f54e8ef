using Helpdesk.Core.Knowledge.Queries;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Knowledge;

public static class KnowledgeSetup
{
    /// <summary>Articles, their search, canned replies and the commands that change them.</summary>
    public static IServiceCollection AddHelpdeskKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        // SQLite is the only provider today; PostgreSQL registers its own IArticleSearch with its provider.
        services.AddSingleton<IArticleSearch, SqliteArticleSearch>();
        services.AddSingleton<KnowledgeWriter>();
        services.AddSingleton<ArticleQueries>();
        services.AddSingleton<CannedReplyQueries>();
        foreach (var type in typeof(KnowledgeSetup).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IKnowledgeHandler<,>)))
                services.AddSingleton(contract, type);
        return services;
    }
}
