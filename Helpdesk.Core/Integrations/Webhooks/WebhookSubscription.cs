namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>An admin's registration: send these ticket events to this URL, signed with this secret.</summary>
public sealed class WebhookSubscription
{
    public const int UrlMax = 2000;
    public const int SecretMax = 200;
    public const int DescriptionMax = 200;

    public int Id { get; private set; }
    public string Url { get; internal set; } = "";
    /// <summary>Kept as given (not hashed): the sender needs it to sign every body.</summary>
    public string Secret { get; internal set; } = "";
    public WebhookEvents Events { get; internal set; }
    public string? Description { get; internal set; }
    public bool IsActive { get; internal set; } = true;
    /// <summary>The last event before this subscription existed: it never receives older ones, even if the worker was behind.</summary>
    public long StartAfterSequence { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int? CreatedById { get; private set; }

    private WebhookSubscription() { }

    internal WebhookSubscription(string url, string secret, WebhookEvents events, string? description, long startAfterSequence, DateTime now, int? createdById)
    {
        Url = url;
        Secret = secret;
        Events = events;
        Description = description;
        StartAfterSequence = startAfterSequence;
        CreatedAt = now;
        CreatedById = createdById;
    }
}
