using System.Text.Json;
using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Application;

/// <summary>
/// Every command leaves, in its own transaction, one audit row per changed field and one event row
/// carrying the next sequence number and the ticket's row after the change; then publishes the event.
/// </summary>
public sealed class AuditCompletenessTests(DeskFixture fixture) : DeskTest(fixture)
{
    [Fact]
    public async Task CreatingATicketAuditsItsNumberAndPublishesCreated()
    {
        var written = await ActAsync(TicketEventKind.Created, () => HandleAsync(Desk.Alice, new CreateTicket(new NewTicketData
        {
            CategoryId = Desk.General, Subject = "Printer jams", Description = "Tray 2 jams.",
        })));

        var audit = Assert.Single(written.Audit);
        Assert.Equal(("CreateTicket", "Created", null, TicketNumber.Format(written.Row.Number), Desk.Alice.UserId, 1),
            (audit.Command, audit.Field, audit.OldValue, audit.NewValue, audit.ActorId, audit.Version));
        written.AssertEvent(TicketEventKind.Created, Desk.Alice, isInternal: false);
        Assert.Equal((TicketStatus.New, 1, "Alice Martin"), (written.Row.Status, written.Row.Version, written.Row.RequesterName));
    }

    [Fact]
    public async Task CreatingAFollowUpAuditsTheNewTicketAndTheLinkOnItsParent()
    {
        var parent = await Desk.ATicket().About("Move the finance team to the 4th floor");

        var written = await ActAsync(TicketEventKind.Created, () => HandleAsync(Desk.Dana, new CreateTicket(new NewTicketData
        {
            RequesterId = Desk.Alice.UserId, CategoryId = Desk.General, Subject = "Patch the 4th floor ports", Description = "Part of the move.",
        }, ParentNumber: parent.Number)));

        var child = TicketNumber.Format(written.Row.Number);
        Assert.Contains(written.Audit, a => a.TicketId == parent.Id && a is { Field: "Link", OldValue: null } && a.NewValue == $"ParentOf {child}");
        Assert.Contains(written.Audit, a => a.TicketId == written.Row.Id && a is { Field: "Created", OldValue: null } && a.NewValue == child);
    }

    [Fact]
    public async Task ChangingStatusAuditsEachChangedField()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.Open);

        var written = await ActAsync(TicketEventKind.StatusChanged, () =>
            HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.Resolved, Resolution: " Replaced the fuser. ")));

        written.AssertAudit(Desk.Dana, "ChangeStatus", ticket.Version + 1,
            ("Status", "Open", "Resolved"), ("Resolution", null, "Replaced the fuser."));
        written.AssertEvent(TicketEventKind.StatusChanged, Desk.Dana, isInternal: false);
        Assert.Equal((TicketStatus.Resolved, ticket.Version + 1), (written.Row.Status, written.Row.Version));
    }

    [Fact]
    public async Task AssigningAuditsTheAssigneeByName()
    {
        var ticket = await Desk.ATicket().AssignedTo(Desk.Dana);

        var written = await ActAsync(TicketEventKind.Assigned, () => HandleAsync(Desk.Dana, new AssignTicket(ticket.Number, Desk.Sam.UserId)));

        written.AssertAudit(Desk.Dana, "AssignTicket", ticket.Version + 1, ("AssigneeId", "Dana Agent", "Sam Agent"));
        written.AssertEvent(TicketEventKind.Assigned, Desk.Dana, isInternal: false);
        Assert.Equal("Sam Agent", written.Row.AssigneeName);
    }

    [Fact]
    public async Task EscalatingAuditsTierTeamAssigneeAndTheReason()
    {
        var ticket = await Desk.ATicket().AssignedTo(Desk.Dana).InStatus(TicketStatus.InProgress);

        var written = await ActAsync(TicketEventKind.Escalated, () =>
            HandleAsync(Desk.Dana, new EscalateTicket(ticket.Number, Tier.L2, "Needs the network team.", Desk.Infrastructure)));

        written.AssertAudit(Desk.Dana, "EscalateTicket", ticket.Version + 1,
            ("Tier", "L1", "L2"), ("TeamId", "Service desk", "Infrastructure"), ("AssigneeId", "Dana Agent", null),
            ("System", null, "Escalated to L2: Needs the network team."));
        written.AssertEvent(TicketEventKind.Escalated, Desk.Dana, isInternal: false);
        Assert.Equal((Tier.L2, "Infrastructure", (int?)null), (written.Row.Tier, written.Row.TeamName, written.Row.AssigneeId));
    }

    [Fact]
    public async Task ReprioritisingAuditsImpactUrgencyAndPriority()
    {
        var ticket = await Desk.ATicket().WithPriority(Impact.Individual, Urgency.Soon);

        var written = await ActAsync(TicketEventKind.Reprioritised, () =>
            HandleAsync(Desk.Sam, new ReprioritiseTicket(ticket.Number, Impact.Organisation, Urgency.BlocksWork)));

        written.AssertAudit(Desk.Sam, "ReprioritiseTicket", ticket.Version + 1,
            ("Impact", "Individual", "Organisation"), ("Urgency", "Soon", "BlocksWork"), ("Priority", "P4", "P1"));
        written.AssertEvent(TicketEventKind.Reprioritised, Desk.Sam, isInternal: false);
        Assert.Equal(Priority.P1, written.Row.Priority);
    }

    [Fact]
    public async Task APublicReplyIsAuditedAndPublishedToEveryone()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.Open);

        var written = await ActAsync(TicketEventKind.Replied, () => HandleAsync(Desk.Dana, new AddComment(ticket.Number, " Is it tray 2 only? ")));

        written.AssertAudit(Desk.Dana, "Reply", ticket.Version, ("PublicReply", null, "Is it tray 2 only?"));
        written.AssertEvent(TicketEventKind.Replied, Desk.Dana, isInternal: false);
        Assert.NotNull((await TicketAsync(ticket.Number)).FirstRespondedAt);
    }

    [Fact]
    public async Task AnInternalNoteIsAuditedAndItsEventMarkedInternal()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.Open);

        var written = await ActAsync(TicketEventKind.NoteAdded, () =>
            HandleAsync(Desk.Dana, new AddComment(ticket.Number, "Same fault as HD-0900.", Internal: true)));

        written.AssertAudit(Desk.Dana, "AddNote", ticket.Version, ("InternalNote", null, "Same fault as HD-0900."));
        written.AssertEvent(TicketEventKind.NoteAdded, Desk.Dana, isInternal: true);
        Assert.Null((await TicketAsync(ticket.Number)).FirstRespondedAt);
    }

    [Fact]
    public async Task LinkingAuditsTheLinkOnTheTicketItStartsFrom()
    {
        var ticket = await Desk.ATicket().About("VPN drops");
        var other = await Desk.ATicket().About("VPN drops again");

        var written = await ActAsync(TicketEventKind.Linked, () =>
            HandleAsync(Desk.Dana, new LinkTickets(other.Number, ticket.Number, LinkKind.DuplicateOf)));

        written.AssertAudit(Desk.Dana, "LinkTickets", other.Version, ("Link", null, $"DuplicateOf HD-{ticket.Number}"));
        Assert.Equal(other.Id, Assert.Single(written.Audit).TicketId);
        written.AssertEvent(TicketEventKind.Linked, Desk.Dana, isInternal: true);
    }

    [Fact]
    public async Task WhenTheEventRowCannotBeWrittenTheChangeAndItsAuditAreRolledBack()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.Open);
        var before = await FootprintAsync(ticket.Number);
        await using (var db = Db.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync(Db.IsPostgres
                ? """
                  CREATE FUNCTION no_events() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'event log unavailable'; END $$;
                  CREATE TRIGGER no_events BEFORE INSERT ON "TicketEvents" FOR EACH ROW EXECUTE FUNCTION no_events();
                  """
                : "CREATE TRIGGER no_events BEFORE INSERT ON TicketEvents BEGIN SELECT RAISE(ABORT, 'event log unavailable'); END;");
        try
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress)));
        }
        finally
        {
            await using var db = Db.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync(Db.IsPostgres ? "DROP TRIGGER no_events ON \"TicketEvents\"; DROP FUNCTION no_events();" : "DROP TRIGGER no_events;");
        }

        Assert.Equal(before, await FootprintAsync(ticket.Number));
        Assert.Equal(TicketStatus.Open, (await Desk.RowAsync(ticket.Number)).Status);
        Assert.True((await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress))).Succeeded);
    }

    /// <summary>Runs one command with a probe on the stream and collects the audit and event rows it wrote.</summary>
    private async Task<Written> ActAsync(TicketEventKind kind, Func<Task<Result<TicketRow>>> act)
    {
        await using var db = Db.CreateDbContext();
        var lastSequence = await Db.Get<EventLog>().LastSequenceAsync();
        var lastAudit = await db.Audit.MaxAsync(a => (long?)a.Id) ?? 0;
        using var probe = Probe(e => e.Kind == kind);

        var result = await act();

        Assert.True(result.Succeeded, result.Error?.Message);
        var published = await probe.Published;
        var records = await db.Events.AsNoTracking().Where(e => e.Id > lastSequence).OrderBy(e => e.Id).ToListAsync();
        var audit = await db.Audit.AsNoTracking().Where(a => a.Id > lastAudit).OrderBy(a => a.Id).ToListAsync();
        var record = records.Single(r => r.Kind == kind);
        Assert.Equal(lastSequence + 1, records[0].Id);
        return new Written(result.Value!, published, record, audit, lastSequence);
    }

    private sealed record Written(TicketRow Row, TicketEvent Published, TicketEventRecord Record, List<AuditEntry> Audit, long SequenceBefore)
    {
        public void AssertAudit(Caller? actor, string command, int version, params (string Field, string? Old, string? New)[] expected)
        {
            Assert.Equal(expected.OrderBy(e => e.Field), Audit.Select(a => (a.Field, a.OldValue, a.NewValue)).OrderBy(e => e.Field));
            Assert.All(Audit, a =>
            {
                Assert.Equal((Row.Id, command, actor?.UserId, version), (a.TicketId, a.Command, a.ActorId, a.Version));
                Assert.Equal(Record.At, a.At);
            });
        }

        public void AssertEvent(TicketEventKind kind, Caller? actor, bool isInternal)
        {
            Assert.True(Record.Id > SequenceBefore);
            Assert.Equal((Row.Id, kind, actor?.UserId, isInternal), (Record.TicketId, Record.Kind, Record.ActorId, Record.IsInternal));
            var snapshot = JsonSerializer.Deserialize<TicketRow>(Record.Row, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            Assert.Equal(Row, snapshot);
            Assert.Equal((Record.Id, kind, Record.At, actor?.UserId, isInternal), (Published.Sequence, Published.Kind, Published.At, Published.ActorId, Published.IsInternal));
            Assert.Equal(Row, Published.Row);
        }
    }
}
