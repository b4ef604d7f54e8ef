using System.Net;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Integrations;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support;
using Helpdesk.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Api;

/// <summary>/api/v1/tickets over real HTTP on the running app, with personal tokens.</summary>
public sealed class TicketsApiTests(AppHost app) : IClassFixture<AppHost>
{
    private async Task<object> NewTicketBody(string subject, string category = "Access") => new
    {
        subject, description = "Raised by the monitoring system.", categoryId = await app.CategoryAsync(category),
        impact = "Organisation", urgency = "BlocksWork",
    };

    private async Task<(TicketResource Ticket, string ETag)> CreateAsync(HttpClient api, string subject)
    {
        var response = await api.PostJsonAsync("api/v1/tickets", await NewTicketBody(subject));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<TicketResource>(), response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task AMonitoringToolOpensAP1AndReadsItBackByNumberWithItsETag()
    {
        using var api = await app.ApiAsAsync("dana@helpdesk.test");

        var response = await api.PostJsonAsync("api/v1/tickets", await NewTicketBody("Disk full on FS01"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<TicketResource>();
        Assert.Equal($"/api/v1/tickets/{created.Number}", response.Headers.Location?.OriginalString);
        Assert.Equal(ETags.For(created.Version), response.Headers.ETag?.Tag);
        Assert.Equal((Priority.P1, Channel.Api, "Dana Agent", "Disk full on FS01"), (created.Priority, created.Channel, created.Requester.Name, created.Subject));

        foreach (var number in new[] { created.DisplayNumber, created.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            var read = await api.GetAsync($"api/v1/tickets/{number}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(response.Headers.ETag, read.Headers.ETag);
            var again = await read.ReadAsync<TicketResource>();
            Assert.Equal((created.Number, created.Version, "Raised by the monitoring system."), (again.Number, again.Version, again.Description));
        }
    }

    [Fact]
    public async Task AnotherRequestersTicketAnswersExactlyLikeAMissingOne()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var hers = await app.FileRequestAsync(alice, "Alice's private matter");
        await app.ARequesterAsync("bea.api@example.test", "Bea Api");
        using var bea = await app.ApiAsAsync("bea.api@example.test");
        using var beasOwnTicket = await bea.PostJsonAsync("api/v1/tickets", await NewTicketBody("Bea's own request"));
        var own = await beasOwnTicket.ReadAsync<TicketResource>();

        foreach (var (method, path) in new[] { ("GET", ""), ("GET", "/comments"), ("POST", "/replies"), ("POST", "/status") })
        {
            var theirs = await SendAsync(bea, method, $"api/v1/tickets/{hers.Number}{path}");
            var missing = await SendAsync(bea, method, $"api/v1/tickets/999999{path}");
            var a = await theirs.ProblemAsync(404);
            var b = await missing.ProblemAsync(404);
            Assert.Equal(b.GetProperty("detail").GetString()!.Replace("HD-999999", "HD-N"), a.GetProperty("detail").GetString()!.Replace(hers.DisplayNumber, "HD-N"));
            Assert.DoesNotContain("private matter", await theirs.Content.ReadAsStringAsync());
        }

        var list = await (await bea.GetAsync("api/v1/tickets?view=All&limit=200")).ReadAsync<TicketList>();
        Assert.Equal([own.Number], list.Items.Select(t => t.Number));
        Assert.Equal("Bea Api", own.Requester.Name);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) => method == "GET"
        ? client.GetAsync(url)
        : client.PostJsonAsync(url, new { body = "Let me in", status = "Closed" });

    [Fact]
    public async Task EveryInvalidFieldIsListedInOneValidationProblem()
    {
        using var api = await app.ApiAsAsync("dana@helpdesk.test");

        var response = await api.PostJsonAsync("api/v1/tickets", new { subject = " ", description = "", categoryId = 999_999, requesterId = 999_999 });

        var errors = (await response.ProblemAsync(400)).Errors();
        Assert.Equal(["categoryId", "description", "requesterId", "subject"], errors.Keys.Order());
        Assert.Contains("Enter a subject.", errors["subject"]);
        Assert.Contains("Choose a category.", errors["categoryId"]);
    }

    [Fact]
    public async Task AStaleIfMatchIsRefusedWith412AndChangesNothing()
    {
        using var api = await app.ApiAsAsync("dana@helpdesk.test");
        var (ticket, etag) = await CreateAsync(api, "Printer queue stuck");

        var first = await api.PatchJsonAsync($"api/v1/tickets/{ticket.Number}", new { impact = "Team", urgency = "Soon" }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var patched = await first.ReadAsync<TicketResource>();
        Assert.Equal((Impact.Team, Urgency.Soon, Priority.P3), (patched.Impact, patched.Urgency, patched.Priority));
        Assert.Equal(ETags.For(patched.Version), first.Headers.ETag?.Tag);
        Assert.NotEqual(etag, first.Headers.ETag?.Tag);

        var stalePatch = await api.PatchJsonAsync($"api/v1/tickets/{ticket.Number}", new { impact = "Individual" }, ifMatch: etag);
        var staleStatus = await api.PostJsonAsync($"api/v1/tickets/{ticket.Number}/status", new { status = "Open" }, ifMatch: etag);
        var staleReply = await api.PostJsonAsync($"api/v1/tickets/{ticket.Number}/replies", new { body = "On it" }, ifMatch: etag);
        var garbage = await api.PostJsonAsync($"api/v1/tickets/{ticket.Number}/status", new { status = "Open" }, ifMatch: "\"not-ours\"");

        var detail = (await stalePatch.ProblemAsync(412)).GetProperty("detail").GetString();
        Assert.Contains("Dana Agent", detail);
        await staleStatus.ProblemAsync(412);
        await staleReply.ProblemAsync(412);
        await garbage.ProblemAsync(412);
        var now = await (await api.GetAsync($"api/v1/tickets/{ticket.Number}")).ReadAsync<TicketResource>();
        Assert.Equal((patched.Version, Impact.Team, TicketStatus.New), (now.Version, now.Impact, now.Status));
    }

    [Fact]
    public async Task TheWholeWorkflowRunsThroughTheSameRulesAsThePages()
    {
        using var dana = await app.ApiAsAsync("dana@helpdesk.test");
        using var alice = await app.ApiAsAsync("alice@example.test");
        var aliceCaller = await app.CallerAsync("alice@example.test");
        var other = await app.FileRequestAsync(aliceCaller, "Related printer issue");
        var created = await alice.PostJsonAsync("api/v1/tickets", await NewTicketBody("Cannot log in to payroll"));
        var ticket = await created.ReadAsync<TicketResource>();
        Assert.Equal("Alice Martin", ticket.Requester.Name);
        var url = $"api/v1/tickets/{ticket.Number}";
        var danaId = (await app.CallerAsync("dana@helpdesk.test")).UserId;

        var open = await dana.PostJsonAsync($"{url}/status", new { status = "Open" }, ifMatch: created.Headers.ETag!.Tag);
        Assert.Equal(TicketStatus.Open, (await open.ReadAsync<TicketResource>()).Status);
        var assigned = await dana.PostJsonAsync($"{url}/assign", new { assigneeId = danaId }, ifMatch: open.Headers.ETag!.Tag);
        Assert.Equal("Dana Agent", (await assigned.ReadAsync<TicketResource>()).Assignee?.Name);
        var escalated = await dana.PostJsonAsync($"{url}/escalate", new { tier = "L2", reason = "Needs payroll admin rights" }, ifMatch: assigned.Headers.ETag!.Tag);
        Assert.Equal(Tier.L2, (await escalated.ReadAsync<TicketResource>()).Tier);
        var reply = await dana.PostJsonAsync($"{url}/replies", new { body = "We are on it." });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var replyBody = await reply.ReadAsync<CommentResource>();
        Assert.Equal((CommentKind.PublicReply, "We are on it.", "Dana Agent"), (replyBody.Kind, replyBody.Body, replyBody.Author?.Name));
        Assert.Equal(HttpStatusCode.OK, (await dana.GetAsync(reply.Headers.Location)).StatusCode);
        var note = await dana.PostJsonAsync($"{url}/notes", new { body = "Payroll admin is on holiday." });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.True((await note.ReadAsync<CommentResource>()).IsInternal);
        var linked = await dana.PostJsonAsync($"{url}/links", new { otherNumber = other.Number, kind = "Related" });
        Assert.Contains((await linked.ReadAsync<TicketResource>()).Links, l => l.Number == other.Number && l.Kind == LinkKind.Related);

        var staffView = await (await dana.GetAsync($"{url}/comments")).ReadAsync<List<CommentResource>>();
        var requesterView = await (await alice.GetAsync($"{url}/comments")).ReadAsync<List<CommentResource>>();
        Assert.Contains(staffView, c => c.Body == "Payroll admin is on holiday.");
        Assert.Contains(requesterView, c => c.Body == "We are on it.");
        Assert.DoesNotContain(requesterView, c => c.IsInternal);

        var aliceReply = await alice.PostJsonAsync($"{url}/replies", new { body = "Thanks!" });
        Assert.Equal(HttpStatusCode.Created, aliceReply.StatusCode);
        var resolved = await dana.PostJsonAsync($"{url}/status", new { status = "Resolved", resolution = "Rights granted by the payroll admin." });
        Assert.Equal(TicketStatus.Resolved, (await resolved.ReadAsync<TicketResource>()).Status);
        var closedByRequester = await alice.PostJsonAsync($"{url}/status", new { status = "Closed" });
        Assert.Equal(TicketStatus.Closed, (await closedByRequester.ReadAsync<TicketResource>()).Status);
    }

    [Fact]
    public async Task ARequesterTokenMayReplyButNotWorkTickets()
    {
        using var alice = await app.ApiAsAsync("alice@example.test");
        var created = await alice.PostJsonAsync("api/v1/tickets", await NewTicketBody("Headset broken"));
        var url = $"api/v1/tickets/{(await created.ReadAsync<TicketResource>()).Number}";

        await (await alice.PatchJsonAsync(url, new { urgency = "BlocksWork" })).ProblemAsync(403);
        await (await alice.PostJsonAsync($"{url}/notes", new { body = "note to self" })).ProblemAsync(403);
        await (await alice.PostJsonAsync($"{url}/assign", new { assigneeId = (int?)null })).ProblemAsync(403);
        await (await alice.PostJsonAsync($"{url}/escalate", new { tier = "L3", reason = "faster" })).ProblemAsync(403);
        await (await alice.PostJsonAsync($"{url}/status", new { status = "Resolved", resolution = "I fixed it" })).ProblemAsync(403);
        await (await alice.GetAsync("api/v1/users")).ProblemAsync(403);
        Assert.Equal(HttpStatusCode.Created, (await alice.PostJsonAsync($"{url}/replies", new { body = "It is the left ear." })).StatusCode);
    }

    [Fact]
    public async Task WorkflowBodiesAreValidatedFieldByField()
    {
        using var dana = await app.ApiAsAsync("dana@helpdesk.test");
        var (ticket, _) = await CreateAsync(dana, "VPN drops");
        var url = $"api/v1/tickets/{ticket.Number}";

        Assert.Contains("status", (await (await dana.PostJsonAsync($"{url}/status", new { })).ProblemAsync(400)).Errors().Keys);
        Assert.Contains("reason", (await (await dana.PostJsonAsync($"{url}/status", new { status = "Rejected" })).ProblemAsync(400)).Errors().Keys);
        Assert.Contains("status", (await (await dana.PostJsonAsync($"{url}/status", new { status = "Closed" })).ProblemAsync(400)).Errors().Keys);
        Assert.Contains("tier", (await (await dana.PostJsonAsync($"{url}/escalate", new { reason = "x" })).ProblemAsync(400)).Errors().Keys);
        Assert.Contains("reason", (await (await dana.PostJsonAsync($"{url}/escalate", new { tier = "L2" })).ProblemAsync(400)).Errors().Keys);
        Assert.Contains("body", (await (await dana.PostJsonAsync($"{url}/replies", new { body = "" })).ProblemAsync(400)).Errors().Keys);
        Assert.Equal(["kind", "otherNumber"], (await (await dana.PostJsonAsync($"{url}/links", new { })).ProblemAsync(400)).Errors().Keys.Order());
        Assert.Contains("assigneeId", (await (await dana.PostJsonAsync($"{url}/assign", new { assigneeId = 999_999 })).ProblemAsync(400)).Errors().Keys);
        Assert.Contains("reason", (await (await dana.PatchJsonAsync(url, new { priority = "P5" })).ProblemAsync(400)).Errors().Keys);
    }

    [Fact]
    public async Task TheListFollowsTheDashboardFiltersAndItsCursorVisitsEveryTicketOnce()
    {
        using var admin = await app.ApiAsAsync("admin@helpdesk.test");
        var adminCaller = await app.CallerAsync("admin@helpdesk.test");
        var queries = app.Services.GetRequiredService<TicketQueries>();

        foreach (var (filter, query) in new[]
                 {
                     ("view=All", new QueueQuery { View = QueueView.All, Take = 200 }),
                     ("view=AllOpen&status=New&status=Open&sort=CreatedAsc", new QueueQuery { View = QueueView.AllOpen, Statuses = [TicketStatus.New, TicketStatus.Open], Sort = QueueSort.CreatedAsc, Take = 200 }),
                     ("view=All&priority=P1&priority=P2&sort=PriorityAsc", new QueueQuery { View = QueueView.All, Priorities = [Priority.P1, Priority.P2], Sort = QueueSort.PriorityAsc, Take = 200 }),
                     ("view=All&sort=NumberDesc", new QueueQuery { View = QueueView.All, Sort = QueueSort.NumberDesc, Take = 200 }),
                 })
        {
            var expected = (await queries.ListAsync(adminCaller, query)).Items.Select(r => r.Number).ToList();
            List<int> seen = [];
            var pages = 0;
            for (var next = $"/api/v1/tickets?{filter}&limit=7"; next is not null; pages++)
            {
                var page = await (await admin.GetAsync(next.TrimStart('/'))).ReadAsync<TicketList>();
                seen.AddRange(page.Items.Select(t => t.Number));
                Assert.Equal(page.Next is null, page.NextCursor is null);
                next = page.Next;
            }
            Assert.True(expected.Count > 0, filter);
            if (query.Sort == QueueSort.PriorityAsc) Assert.Equal(expected.Order(), seen.Order()); // ties order by time only
            else Assert.Equal(expected, seen);
            Assert.Equal((expected.Count + 6) / 7, pages);
        }

        await (await admin.GetAsync("api/v1/tickets?cursor=garbage")).ProblemAsync(400);
        var sortMismatch = await (await admin.GetAsync("api/v1/tickets?view=All&limit=1")).ReadAsync<TicketList>();
        Assert.Contains("cursor", (await (await admin.GetAsync($"api/v1/tickets?sort=CreatedAsc&cursor={sortMismatch.NextCursor}")).ProblemAsync(400)).Errors().Keys);
        Assert.Contains("limit", (await (await admin.GetAsync("api/v1/tickets?limit=0")).ProblemAsync(400)).Errors().Keys);
    }

    [Fact]
    public async Task UnreadableRequestsAndUnknownRoutesAnswerProblemDetailsNotPages()
    {
        using var dana = await app.ApiAsAsync("dana@helpdesk.test");

        var badJson = await dana.PostAsync("api/v1/tickets", new StringContent("{\"subject\": ", Encoding.UTF8, "application/json"));
        var badEnum = await dana.GetAsync("api/v1/tickets?status=Bogus");
        var unknown = await dana.GetAsync("api/v1/no-such-thing");
        var wrongMethod = await dana.DeleteAsync("api/v1/categories");

        await badJson.ProblemAsync(400);
        await badEnum.ProblemAsync(400);
        await unknown.ProblemAsync(404);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
        Assert.True(wrongMethod.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, wrongMethod.StatusCode.ToString());
    }

    [Fact]
    public async Task AGetWithTheCurrentETagAnswers304()
    {
        using var dana = await app.ApiAsAsync("dana@helpdesk.test");
        var (ticket, etag) = await CreateAsync(dana, "Monitor flickers");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/tickets/{ticket.Number}");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var response = await dana.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task ReferenceDataAndTheCallerThemself()
    {
        using var dana = await app.ApiAsAsync("dana@helpdesk.test");

        var me = JsonDocument.Parse(await dana.GetStringAsync("api/v1/me")).RootElement;
        var categories = await (await dana.GetAsync("api/v1/categories")).ReadAsync<List<CategoryOption>>();
        var teams = await (await dana.GetAsync("api/v1/teams")).ReadAsync<List<TeamOption>>();
        var serviceDesk = teams.Single(t => t.Name == "Service desk");
        var members = await (await dana.GetAsync($"api/v1/users?teamId={serviceDesk.Id}")).ReadAsync<List<PersonOption>>();
        var found = await (await dana.GetAsync("api/v1/users?search=alice")).ReadAsync<List<PersonOption>>();

        Assert.Equal(("Dana Agent", true, "tests"), (me.GetProperty("displayName").GetString(), me.GetProperty("isStaff").GetBoolean(),
            me.GetProperty("token").GetProperty("name").GetString()));
        Assert.Contains(categories, c => c.Path == "Hardware › Laptop" && c.NeedsSystemDetails);
        Assert.Contains(members, m => m.DisplayName == "Dana Agent");
        Assert.Equal("Alice Martin", Assert.Single(found).DisplayName);
    }
}
