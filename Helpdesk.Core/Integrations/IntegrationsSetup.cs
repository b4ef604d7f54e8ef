using Helpdesk.Core.Integrations.Idempotency;
using Helpdesk.Core.Integrations.Tokens;
using Helpdesk.Core.Integrations.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Integrations;

public static class IntegrationsSetup
{
    /// <summary>API tokens, idempotency keys and webhooks. The webhook worker is a hosted service the web app adds.</summary>
    public static IServiceCollection AddHelpdeskIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        // Bound from configuration here so Core needs no IConfiguration service (hosts such as the bench have none).
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection("Api"));
        services.AddSingleton<Tickets.Queries.TicketFeed>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookAdmin>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Helpdesk-Webhooks/1.0"))
            // A redirect is an answer to fix at the source, not to follow with the body dropped.
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = WebhookNetworkGuard.ConnectCallback(() => sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks),
            });
        return services;
    }
}
