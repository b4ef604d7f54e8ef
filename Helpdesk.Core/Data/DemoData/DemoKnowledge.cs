using Helpdesk.Core.Application;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Commands;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Resources;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Core.Data.DemoData;

/// <summary>
/// Demo articles and canned replies, written through the real commands (so their history is the
/// product's own), then linked to the demo tickets they would have solved, with a few deflections.
/// </summary>
internal sealed class DemoKnowledge(IDbContextFactory<HelpdeskDbContext> dbs, WriteGate gate, IStringLocalizer<Messages> localizer)
{
    private sealed record ArticleSeed(string Title, string Category, string Tags, string Body, string Author,
        ArticleVisibility Visibility = ArticleVisibility.Public, bool Publish = true, string[]? Solves = null);

    private static readonly ArticleSeed[] Articles =
    [
        new("Reset your password", "Access", "password, account, locked out", """
            Forgot your password, or locked out after the holidays? You can reset it yourself in two minutes.

            1. Go to **https://password.example.test** from any computer or phone.
            2. Enter your e-mail address and choose **Send code**.
            3. Type the code you receive by text message.
            4. Choose a new password: at least 12 characters, not one you used before.

            After five wrong attempts your account locks for 15 minutes. Wait, then try again.

            > Still locked out after that? File a request under **Access** and we will unlock it.
            """, "dana@helpdesk.test", Solves: ["Password reset"]),
        new("Connect to the VPN from home", "Network", "vpn, remote access, home office", """
            The VPN gives you the intranet, the shares and the finance tools from anywhere.

            1. Start **Company VPN** from the Start menu.
            2. Sign in with your usual account; approve the prompt on your phone.
            3. Wait for the shield icon to turn green.

            If it does not connect, restart your home router and try again, or use your phone's hotspot to
            check whether your home network blocks it.
            """, "ines@helpdesk.test", Solves: ["VPN disconnects every 10 minutes"]),
        new("VPN disconnects every few minutes", "Network", "vpn, wi-fi, disconnect", """
            A VPN that drops every few minutes is almost always the Wi-Fi, not the VPN.

            - Move closer to the router, or plug in a cable.
            - In **Company VPN → Settings**, switch *Protocol* to **TCP**.
            - Turn off "Power saving" for the Wi-Fi adapter (Device Manager → Network adapters → Properties → Power Management).
            """, "ines@helpdesk.test", Solves: ["VPN disconnects every 10 minutes"]),
        new("Printer jams in tray 2", "Printer", "printer, paper jam", """
            Tray 2 jams when the paper is damp or the stack is too high.

            1. Open tray 2 and take out all the paper.
            2. Remove any torn piece you can see (the green levers open the path).
            3. Fan the stack, load at most to the **max** line, close the tray.

            If every page still jams, request a technician under **Printer**: the rollers need replacing.
            """, "omar@helpdesk.test", Solves: ["Printer on 3rd floor jams"]),
        new("Add the colour printer to your computer", "Printer", "printer, colour, install", """
            1. Open **Settings → Bluetooth & devices → Printers & scanners**.
            2. Choose **Add device** and wait for `PRN-COLOR-3F` to appear.
            3. Select it, then **Add device**.

            Colour printing is limited to 200 pages a month per person.
            """, "omar@helpdesk.test", Solves: ["Cannot print to colour printer"]),
        new("Outlook keeps asking for your password", "Software", "outlook, e-mail, password, mfa", """
            Outlook asks again and again when it has kept an old password.

            1. Close Outlook.
            2. Open **Credential Manager** (search for it in the Start menu) → *Windows Credentials*.
            3. Remove every entry that starts with `MicrosoftOffice`.
            4. Start Outlook and sign in once, approving the prompt on your phone.
            """, "dana@helpdesk.test", Solves: ["Outlook keeps asking for password"]),
        new("Open a shared mailbox in Outlook", "E-mail", "outlook, shared mailbox, e-mail", """
            Shared mailboxes you have access to appear by themselves within an hour. If one disappeared:

            1. In Outlook, **File → Account Settings → Account Settings**.
            2. Select your account, **Change → More Settings → Advanced**.
            3. **Add** the mailbox by name (for example `sales@example.test`).

            No access yet? Ask the mailbox owner to approve a request under **Access**.
            """, "sam@helpdesk.test", Solves: ["Shared mailbox missing"]),
        new("Laptop does not start after an update", "Laptop", "laptop, windows update, boot", """
            If your laptop stops at the logo after an update:

            1. Hold the power button for 10 seconds to switch it off.
            2. Unplug the dock and any USB device, then start it again.
            3. Still stuck? Start it three times in a row: Windows opens **Automatic Repair** → *Advanced options* → **Uninstall Updates**.

            Your files are safe: they are on OneDrive.
            """, "omar@helpdesk.test", Solves: ["Laptop does not start after update"]),
        new("Make the battery last longer", "Laptop", "laptop, battery", """
            - Lower the screen brightness: it uses the most power.
            - Close Teams video when you are not in a call.
            - Use **Battery saver** (click the battery icon).

            A battery that lasts less than two hours when new settings are applied is worn: file a request
            under **Laptop** to have it replaced.
            """, "omar@helpdesk.test", Solves: ["Battery drains in an hour"]),
        new("Request access to a shared folder", "Access", "share, folder, permissions", """
            Access to a shared folder (for example `\\files\finance`) is approved by the folder's owner.

            File a request under **Access** with the folder's path and what you need (read or change).
            We ask the owner and you get access within a working day.
            """, "sam@helpdesk.test", Solves: ["Access to the finance share"]),
        new("Unlock an account in the directory", "Access", "account, unlock, runbook", """
            **Agents only.** Check the caller's identity first (call back on the number in the directory).

            1. Open *Active Directory Users and Computers* → find the user.
            2. **Account** tab → tick *Unlock account*.
            3. If they forgot the password, set a temporary one and tick *User must change password*.

            Never read a password out on the phone: send it by text message.
            """, "dana@helpdesk.test", ArticleVisibility.Internal, Solves: ["Password reset"]),
        new("File server FS01 nearly full", "Server", "fs01, disk space, runbook", """
            **Agents only.** When monitoring warns about FS01:

            1. Run `Get-ChildItem D:\Shares -Recurse | Sort Length -Desc | Select -First 50` to find the biggest files.
            2. Move `D:\Shares\Scans\*` older than 90 days to the archive share.
            3. Empty the recycle bins with `Clear-RecycleBin -DriveLetter D`.
            """, "ines@helpdesk.test", ArticleVisibility.Internal, Solves: ["File server nearly full"]),
        new("Wi-Fi in meeting room B", "Network", "wi-fi, meeting room", """
            Draft: the access point in meeting room B is being replaced. Until then, use the cable on the table.
            """, "ines@helpdesk.test", Publish: false),
    ];

    private sealed record ReplySeed(string Title, string Body, CannedReplyScope Scope, string? Team, TicketStatus? SetsStatus, string Owner);

    private static readonly ReplySeed[] Replies =
    [
        new("Thanks, looking into it", """
            Hello {requester.first_name},

            thank you for your request {ticket.number}. I am looking into it now and will get back to you shortly.

            Best regards,
            {agent.name}
            """, CannedReplyScope.Everyone, null, TicketStatus.InProgress, "admin@helpdesk.test"),
        new("Fixed – please confirm", """
            Hello {requester.first_name},

            the problem described in {ticket.number} ("{ticket.subject}") should now be fixed. If it comes back, simply reply here and we will reopen it.

            {agent.name}, {team.name}
            """, CannedReplyScope.Everyone, null, TicketStatus.Resolved, "admin@helpdesk.test"),
        new("Need more information", """
            Hello {requester.first_name},

            to continue with {ticket.number} we need a little more information:

            - since when does it happen?
            - do colleagues see the same?
            - a screenshot of the error, if there is one.

            Thank you,
            {agent.name}
            """, CannedReplyScope.Team, DemoAccounts.ServiceDesk, TicketStatus.Pending, "lead@helpdesk.test"),
        new("Bring the laptop to the desk", """
            Hello {requester.first_name},

            please bring your laptop and its charger to the IT desk (ground floor) any day between 9:00 and 16:00, and mention {ticket.number}. It usually takes less than an hour.

            {agent.name}
            """, CannedReplyScope.Team, DemoAccounts.Desktop, TicketStatus.Pending, "lead@helpdesk.test"),
        new("My sign-off", """
            Have a good day,
            {agent.first_name} – Service desk, ext. 4242
            """, CannedReplyScope.Personal, null, null, "dana@helpdesk.test"),
    ];

    public async Task<int> SeedAsync(DateTime now, CancellationToken ct)
    {
        var clock = new DemoClock();
        var writer = new KnowledgeWriter(dbs, gate, clock, new MarkdownRenderer(), localizer, NullLogger<KnowledgeWriter>.Instance);
        var create = new CreateArticleHandler(writer);
        var saveReply = new SaveCannedReplyHandler(writer);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var staff = new Dictionary<string, Caller>();
        foreach (var a in DemoAccounts.Staff)
        {
            var id = await db.Users.Where(u => u.Email == a.Email).Select(u => u.Id).SingleAsync(ct);
            staff[a.Email] = new Caller(id, a.Name, a.Roles.ToHashSet(), a.Teams.Select(t => teams[t]).ToHashSet(), a.Tier);
        }

        var rng = new Random(11);
        var written = new List<(int Id, ArticleSeed Seed)>();
        foreach (var seed in Articles)
        {
            clock.Set(now.AddDays(-rng.Next(20, 55)).AddMinutes(-rng.Next(600)));
            var saved = await create.HandleAsync(staff[seed.Author], new CreateArticle(
                new ArticleInput(seed.Title, seed.Body, categories[seed.Category], seed.Tags, seed.Visibility), seed.Publish), ct);
            written.Add((saved.Value?.Id ?? throw new InvalidOperationException($"Demo article refused: {saved.Error?.Message}"), seed));
        }
        foreach (var reply in Replies)
        {
            clock.Set(now.AddDays(-rng.Next(10, 50)));
            var saved = await saveReply.HandleAsync(staff[reply.Owner], new SaveCannedReply(null, reply.Title, reply.Body, reply.Scope,
                reply.Team is null ? null : teams[reply.Team], reply.SetsStatus), ct);
            if (!saved.Succeeded) throw new InvalidOperationException($"Demo canned reply refused: {saved.Error?.Message}");
        }

        // The tickets each article solved, and requests it deflected before they became tickets.
        var requesters = await db.UserRoles.Join(db.Roles.Where(r => r.Name == People.Roles.Requester), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId).ToListAsync(ct);
        foreach (var (id, seed) in written.Where(w => w.Seed.Publish && w.Seed.Solves is not null))
        {
            var solved = await db.Tickets.Where(t => seed.Solves!.Contains(t.Subject) && t.ResolvedAt != null)
                .OrderBy(t => t.ResolvedAt).Select(t => new { t.Id, t.AssigneeId, t.ResolvedAt }).Take(rng.Next(2, 7)).ToListAsync(ct);
            db.ArticleTickets.AddRange(solved.Select(t => new ArticleTicket(id, t.Id, ArticleTicketKind.Used, t.AssigneeId, t.ResolvedAt!.Value)));
            if (seed.Visibility == ArticleVisibility.Public)
                for (var i = rng.Next(1, 6); i > 0; i--)
                    db.Deflections.Add(new Deflection(id, requesters[rng.Next(requesters.Count)], seed.Solves![0], now.AddDays(-rng.Next(0, 45)).AddMinutes(-rng.Next(600))));
        }
        await db.SaveChangesAsync(ct);
        return written.Count;
    }

    private sealed class DemoClock : TimeProvider
    {
        private DateTimeOffset _now;
        public void Set(DateTime utc) => _now = new DateTimeOffset(utc, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
    }
}
