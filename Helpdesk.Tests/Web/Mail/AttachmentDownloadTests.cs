using System.Net;
using System.Text;
using Helpdesk.Core.Data;
using Helpdesk.Core.Mailboxes;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.Mail;

/// <summary>A mailed-in file is downloadable by whoever may see its ticket, as a download, and by nobody else.</summary>
public class AttachmentDownloadTests(AppHost app) : IClassFixture<AppHost>
{
    private async Task<(int Number, long FileId)> MailInAsync()
    {
        var subject = "Scanner driver " + Guid.NewGuid().ToString("N")[..6];
        var raw = "From: Alice <alice@example.test>\r\nTo: support@helpdesk.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + Guid.NewGuid().ToString("N") + "@example.test>\r\n" +
                  "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe scanner is not found.\r\n" +
                  "--b\r\nContent-Type: text/html; name=evil.txt\r\nContent-Disposition: attachment; filename=evil.txt\r\n\r\n<script>alert(1)</script>\r\n--b--\r\n";
        Assert.Equal(InboundOutcome.Processed, await app.Services.GetRequiredService<MailIntake>().TakeInAsync("support", "Hardware", Encoding.UTF8.GetBytes(raw)));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var ticket = await db.Tickets.SingleAsync(t => t.Subject == subject);
        var file = await db.Attachments.SingleAsync(a => a.TicketId == ticket.Id);
        return (ticket.Number, file.Id);
    }

    [Fact]
    public async Task The_requester_downloads_it_as_a_file_never_as_a_page()
    {
        var (number, id) = await MailInAsync();
        using var alice = await SignedInClient.SignInAsync(app, "alice@example.test");

        using var response = await alice.Http.GetAsync($"/tickets/{number}/attachments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("evil.txt", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Someone_who_cannot_see_the_ticket_gets_not_found()
    {
        var (number, id) = await MailInAsync();
        // Ines works in Infrastructure; a hardware ticket from the mailbox is the service desk's.
        using var ines = await SignedInClient.SignInAsync(app, "ines@helpdesk.test");
        using var anonymous = SignedInClient.Anonymous(app);

        using var forbidden = await ines.Http.GetAsync($"/tickets/{number}/attachments/{id}");
        using var missing = await ines.Http.GetAsync($"/tickets/{number}/attachments/999999");
        using var stranger = await anonymous.Http.GetAsync($"/tickets/{number}/attachments/{id}");

        Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, stranger.StatusCode);
    }
}
