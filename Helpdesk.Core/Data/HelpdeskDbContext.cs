using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Data;

public sealed class HelpdeskDbContext(DbContextOptions<HelpdeskDbContext> options)
    : IdentityDbContext<User, Role, int>(options), IDataProtectionKeyContext
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketComment> Comments => Set<TicketComment>();
    public DbSet<TicketLink> Links => Set<TicketLink>();
    public DbSet<TicketCollaborator> Collaborators => Set<TicketCollaborator>();
    public DbSet<TicketFieldValue> FieldValues => Set<TicketFieldValue>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<TicketEventRecord> Events => Set<TicketEventRecord>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<AgentSkill> AgentSkills => Set<AgentSkill>();
    public DbSet<Integrations.Tokens.ApiToken> ApiTokens => Set<Integrations.Tokens.ApiToken>();
    public DbSet<Integrations.Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Integrations.Idempotency.IdempotencyRecord>();
    public DbSet<Integrations.Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Integrations.Webhooks.WebhookSubscription>();
    public DbSet<Integrations.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Integrations.Webhooks.WebhookDelivery>();
    public DbSet<Integrations.Webhooks.EventCursor> EventCursors => Set<Integrations.Webhooks.EventCursor>();
    public DbSet<Routing.TeamRouting> TeamRouting => Set<Routing.TeamRouting>();
    public DbSet<Routing.RoutingRule> RoutingRules => Set<Routing.RoutingRule>();
    public DbSet<Routing.EscalationRule> EscalationRules => Set<Routing.EscalationRule>();
    public DbSet<Routing.EscalationDue> EscalationDue => Set<Routing.EscalationDue>();
    public DbSet<Knowledge.Article> Articles => Set<Knowledge.Article>();
    public DbSet<Knowledge.ArticleVersion> ArticleVersions => Set<Knowledge.ArticleVersion>();
    public DbSet<Knowledge.ArticleTicket> ArticleTickets => Set<Knowledge.ArticleTicket>();
    public DbSet<Knowledge.Deflection> Deflections => Set<Knowledge.Deflection>();
    public DbSet<Knowledge.CannedReply> CannedReplies => Set<Knowledge.CannedReply>();
    public DbSet<TicketAttachment> Attachments => Set<TicketAttachment>();
    public DbSet<Mailboxes.InboundMail> InboundMails => Set<Mailboxes.InboundMail>();
    public DbSet<Sla.SlaCalendar> SlaCalendars => Set<Sla.SlaCalendar>();
    public DbSet<Sla.SlaPolicy> SlaPolicies => Set<Sla.SlaPolicy>();
    public DbSet<Sla.TicketSla> TicketSla => Set<Sla.TicketSla>();
    public DbSet<Sla.SlaPause> SlaPauses => Set<Sla.SlaPause>();
    public DbSet<Sla.SlaBreach> SlaBreaches => Set<Sla.SlaBreach>();
    public DbSet<Mail.OutgoingMail> OutgoingMail => Set<Mail.OutgoingMail>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Notifications.EmailOptOut> EmailOptOuts => Set<Notifications.EmailOptOut>();
    public DbSet<Fields.CustomField> CustomFields => Set<Fields.CustomField>();
    public DbSet<Admin.AdminChange> AdminChanges => Set<Admin.AdminChange>();
    public DbSet<Settings.DeskSetting> DeskSettings => Set<Settings.DeskSetting>();
    public DbSet<Servers.JobLease> JobLeases => Set<Servers.JobLease>();
    /// <summary>ASP.NET Core's data-protection key ring, shared by every app server (sign-in cookies, antiforgery, invitation links).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HelpdeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Every timestamp is UTC; SQLite hands them back unspecified, so say so on the way in.
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
