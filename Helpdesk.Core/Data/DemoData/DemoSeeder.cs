using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Resources;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Data.DemoData;

/// <summary>
/// Fills an empty database with teams, categories, people and tickets spread over the last 60
/// days. Tickets go through the real commands (on a clock set back in time), so their audit
/// trail, conversation and events are exactly what the product itself would have written.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    IEventStream stream,
    AuditRecorder audit,
    TimeProvider clock,
    IStringLocalizer<Messages> localizer,
    IOptions<DemoDataOptions> options,
    Sla.SlaProcessor sla,
    ILoggerFactory logs)
{
    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
            if (await db.Users.AnyAsync(ct)) return;
        var log = logs.CreateLogger<DemoSeeder>();
        var people = await SeedPeopleAsync(ct);
        await SeedRoutingAsync(ct);
        await DemoSla.SeedAsync(dbs, ct);
        var count = await SeedTicketsAsync(people, options.Value.Tickets, ct);
        // The demo's history has breaches: let the SLA clock catch up now, before the notification
        // worker first reads the log, so they are history rather than a flood of "SLA breached" news.
        await sla.RunDueAsync(ct);
        await new DemoKnowledge(dbs, gate, localizer).SeedAsync(clock.GetUtcNow().UtcDateTime, ct);
        log.LogInformation("Demo data: {People} people, {Tickets} tickets. Sign in as {Email} / {Password}",
            people.Requesters.Count + people.Staff.Count, count, DemoAccounts.Staff[0].Email, options.Value.Password);
    }

    private sealed record SeededPeople(List<Caller> Staff, List<int> Requesters, Dictionary<string, int> Categories, Dictionary<int, List<Caller>> StaffByTeam);

    private async Task<SeededPeople> SeedPeopleAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var teams = new Dictionary<string, Team>
        {
            [DemoAccounts.ServiceDesk] = new() { Name = DemoAccounts.ServiceDesk, Tier = Tier.L1 },
            [DemoAccounts.Desktop] = new() { Name = DemoAccounts.Desktop, Tier = Tier.L2 },
            [DemoAccounts.Infrastructure] = new() { Name = DemoAccounts.Infrastructure, Tier = Tier.L3 },
        };
        db.Teams.AddRange(teams.Values);
        await db.SaveChangesAsync(ct);

        var categories = new Dictionary<string, Category>();
        foreach (var c in DemoCatalog.Categories)
        {
            var category = new Category
            {
                Name = c.Name, DefaultTeamId = teams[c.Team].Id, DefaultTier = c.Tier, NeedsSystemDetails = c.NeedsSystem,
                ParentId = c.Parent is null ? null : categories[c.Parent].Id,
            };
            db.Categories.Add(category);
            await db.SaveChangesAsync(ct);
            categories[c.Name] = category;
        }

        var hasher = new PasswordHasher<User>();
        User NewUser(string email, string name, string? department, string? location, Tier? tier, bool canSignIn)
        {
            var u = new User
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = name, Department = department, Location = location, Tier = tier,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true, CreatedAt = now,
            };
            if (canSignIn) u.PasswordHash = hasher.HashPassword(u, options.Value.Password);
            return u;
        }

        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var staff = new List<Caller>();
        var byTeam = teams.Values.ToDictionary(t => t.Id, _ => new List<Caller>());
        foreach (var a in DemoAccounts.Staff)
        {
            var user = NewUser(a.Email, a.Name, "IT", "Head office", a.Tier, canSignIn: true);
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
            foreach (var role in a.Roles) db.UserRoles.Add(new IdentityUserRole<int> { UserId = user.Id, RoleId = roleIds[role] });
            foreach (var team in a.Teams)
                db.TeamMembers.Add(new TeamMember { TeamId = teams[team].Id, UserId = user.Id, IsLead = a.LeadOf.Contains(team) });
            foreach (var c in DemoCatalog.Categories.Where(c => a.Teams.Contains(c.Team)))
                db.AgentSkills.Add(new AgentSkill { UserId = user.Id, CategoryId = categories[c.Name].Id });
            var caller = new Caller(user.Id, a.Name, a.Roles.ToHashSet(), a.Teams.Select(t => teams[t].Id).ToHashSet(), a.Tier);
            staff.Add(caller);
            foreach (var team in a.Teams) byTeam[teams[team].Id].Add(caller);
        }

        var requesters = new List<int>();
        var alice = NewUser(DemoAccounts.Requester.Email, DemoAccounts.Requester.Name, DemoAccounts.Requester.Department, DemoAccounts.Requester.Location, null, canSignIn: true);
        db.Users.Add(alice);
        var others = DemoAccounts.OtherRequesters.Select(r =>
            NewUser($"{Slug(r.Name)}@example.test", r.Name, r.Department, r.Location, null, canSignIn: false)).ToList();
        db.Users.AddRange(others);
        await db.SaveChangesAsync(ct);
        foreach (var u in others.Prepend(alice))
        {
            db.UserRoles.Add(new IdentityUserRole<int> { UserId = u.Id, RoleId = roleIds[Roles.Requester] });
            requesters.Add(u.Id);
        }
        await db.SaveChangesAsync(ct);
        return new SeededPeople(staff, requesters, categories.ToDictionary(c => c.Key, c => c.Value.Id), byTeam);
    }

    /// <summary>
    /// One team per strategy, a channel rule and two escalation rules, so the board and the routing
    /// page have something to show. The escalation rules start now: the backdated demo tickets are
    /// left alone, and only tickets filed from now on are escalated.
    /// </summary>
    private async Task SeedRoutingAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        db.TeamRouting.AddRange(
            new TeamRouting { TeamId = teams[DemoAccounts.ServiceDesk], Strategy = AssignmentStrategy.RoundRobin },
            new TeamRouting { TeamId = teams[DemoAccounts.Desktop], Strategy = AssignmentStrategy.LeastLoaded },
            new TeamRouting { TeamId = teams[DemoAccounts.Infrastructure], Strategy = AssignmentStrategy.SkillBased });
        // Network trouble reported by phone gets first-line triage at the service desk.
        var network = await db.Categories.Where(c => c.Name == "Network").Select(c => c.Id).SingleAsync(ct);
        db.RoutingRules.Add(new RoutingRule { CategoryId = network, Channel = Channel.Phone, TeamId = teams[DemoAccounts.ServiceDesk], Tier = Tier.L1 });
        var now = clock.GetUtcNow().UtcDateTime;
        db.EscalationRules.AddRange(
            new EscalationRule
            {
                Name = "P1 not taken within 15 minutes", Trigger = EscalationTrigger.NotTaken, AfterMinutes = 15, Priority = Priority.P1,
                EscalateTo = Tier.L2, NotifyLead = true, AppliesFrom = now,
            },
            new EscalationRule
            {
                Name = "Open longer than 3 days", Trigger = EscalationTrigger.OpenLongerThan, AfterMinutes = 3 * 24 * 60,
                NotifyLead = true, AppliesFrom = now,
            });
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> SeedTicketsAsync(SeededPeople people, int count, CancellationToken ct)
    {
        var rng = new Random(42);
        var now = clock.GetUtcNow().UtcDateTime;
        var demoClock = new DemoClock();
        // A quiet writer: two thousand "command done" lines at first start would bury the URL.
        var writer = new TicketWriter(dbs, gate, stream, audit, demoClock, localizer, Microsoft.Extensions.Logging.Abstractions.NullLogger<TicketWriter>.Instance);
        var create = new CreateTicketHandler(writer, new Router(new NobodyOnline()), new Fields.FieldCatalog(dbs));
        var status = new ChangeStatusHandler(writer, new TicketRules { ReopenWithinDays = 3650 });
        var assign = new AssignTicketHandler(writer);
        var comment = new AddCommentHandler(writer);
        var escalate = new EscalateTicketHandler(writer);
        var samples = DemoCatalog.Categories.Where(c => c.Samples.Length > 0).ToArray();
        var created = 0;

        var starts = Enumerable.Range(0, count).Select(_ => now.AddMinutes(-rng.Next(10, 60 * 24 * 60))).Order().ToList();
        foreach (var start in starts)
        {
            var cat = samples[rng.Next(samples.Length)];
            var (subject, description) = cat.Samples[rng.Next(cat.Samples.Length)];
            var requesterId = rng.Next(4) == 0 ? people.Requesters[0] : people.Requesters[rng.Next(people.Requesters.Count)];
            var t = start;
            demoClock.Set(t);
            var row = (await create.HandleAsync(Caller.System, new CreateTicket(new NewTicketData
            {
                RequesterId = requesterId, CategoryId = people.Categories[cat.Name], Subject = subject, Description = description,
                Impact = (Impact)rng.Next(1, 4), Urgency = (Urgency)rng.Next(1, 4), Channel = (Channel)rng.Next(0, 3),
                System = cat.NeedsSystem ? new SystemDetails { DeviceType = cat.Name, AssetTag = $"PC-{rng.Next(1000, 9999)}", OperatingSystem = "Windows 11" } : null,
            }), ct)).Value ?? throw new InvalidOperationException("Demo ticket was refused.");
            created++;

            // How far it got depends on its age: old tickets are mostly done, new ones mostly waiting.
            var ageDays = (now - start).TotalDays;
            var stage = rng.NextDouble() * Math.Min(1, ageDays / 10 + 0.15);
            if (stage < 0.15) continue;
            var team = people.StaffByTeam[row.TeamId];
            var agent = team[rng.Next(team.Count)];
            Caller requester = new(requesterId, row.RequesterName, new HashSet<string> { Roles.Requester }, new HashSet<int>());
            DateTime Next() => t = Min(t.AddMinutes(rng.Next(5, 240)), now);

            demoClock.Set(Next());
            await status.HandleAsync(agent, new ChangeStatus(row.Number, TicketStatus.Open), ct);
            if (stage < 0.25) continue;
            demoClock.Set(Next());
            await assign.HandleAsync(agent, new AssignTicket(row.Number, agent.UserId), ct);
            await status.HandleAsync(agent, new ChangeStatus(row.Number, TicketStatus.InProgress), ct);
            demoClock.Set(Next());
            await comment.HandleAsync(agent, new AddComment(row.Number, "Thanks for reporting this. I am looking into it now."), ct);
            if (rng.Next(4) == 0)
            {
                demoClock.Set(Next());
                await comment.HandleAsync(agent, new AddComment(row.Number, "Checked the logs: looks like the same issue as last week's.", Internal: true), ct);
            }
            if (stage < 0.4) continue;
            if (rng.Next(5) == 0 && row.Tier < Tier.L3)
            {
                demoClock.Set(Next());
                await escalate.HandleAsync(agent, new EscalateTicket(row.Number, row.Tier + 1, "Needs deeper investigation than first-line scripts allow."), ct);
                continue;
            }
            if (rng.Next(3) == 0)
            {
                demoClock.Set(Next());
                await comment.HandleAsync(agent, new AddComment(row.Number, "Could you tell me when this started and whether colleagues see it too?"), ct);
                await status.HandleAsync(agent, new ChangeStatus(row.Number, TicketStatus.Pending), ct);
                if (stage < 0.55) continue;
                demoClock.Set(Next());
                await comment.HandleAsync(requester, new AddComment(row.Number, "It started on Monday; my neighbour has the same problem."), ct);
                demoClock.Set(Next());
                await status.HandleAsync(agent, new ChangeStatus(row.Number, TicketStatus.InProgress), ct);
            }
            if (stage < 0.6) continue;
            demoClock.Set(Next());
            await comment.HandleAsync(agent, new AddComment(row.Number, "This should be fixed now. Please let me know if it comes back."), ct);
            await status.HandleAsync(agent, new ChangeStatus(row.Number, TicketStatus.Resolved, Resolution: $"Known fix for '{subject}' applied; see the conversation for the steps."), ct);
            if (stage < 0.75 || ageDays < 2) continue;
            demoClock.Set(Next());
            await status.HandleAsync(rng.Next(2) == 0 ? requester : agent, new ChangeStatus(row.Number, TicketStatus.Closed), ct);
        }
        return created;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(ch => char.IsAsciiLetterOrDigit(ch) || ch == ' ').ToArray()).Replace(' ', '.');

    private sealed class DemoClock : TimeProvider
    {
        private DateTimeOffset _now;
        public void Set(DateTime utc) => _now = new DateTimeOffset(utc, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
    }
}
