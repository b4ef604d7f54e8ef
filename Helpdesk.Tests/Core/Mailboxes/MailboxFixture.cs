using Helpdesk.Core.Mailboxes;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Tests.Support.Imap;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Mailboxes;

/// <summary>A small desk and a real Dovecot mailbox on loopback; the clock can be told to fail once (a crash before commit).</summary>
public sealed class MailboxFixture : IAsyncLifetime
{
    public CrashingClock Clock { get; } = new();
    public TestDatabase Db { get; private set; } = null!;
    public Desk Desk { get; private set; } = null!;
    public DovecotServer Imap { get; private set; } = null!;
    public MailboxOptions Box { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Imap = await DovecotServer.StartAsync();
        Db = await TestDatabase.CreateAsync(services => services.AddSingleton<TimeProvider>(Clock), new Dictionary<string, string?>
        {
            ["MailChannel:Mailboxes:0:Address"] = "support@helpdesk.test",
            ["MailChannel:ClosedTicketReply"] = "FollowUp",
            ["Mail:FromAddress"] = "desk@helpdesk.test",
        });
        Desk = await Desk.CreateAsync(Db);
        Box = new MailboxOptions
        {
            Name = "support", Address = "support@helpdesk.test", Host = "127.0.0.1", Port = Imap.Port,
            Security = SecureSocketOptions.None, User = DovecotServer.User, Password = DovecotServer.Password, Category = "General",
        };
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await Imap.DisposeAsync();
    }
}

/// <summary>A real clock that can be armed to throw once: the write path reads it inside its transaction, before committing.</summary>
public sealed class CrashingClock : TimeProvider
{
    private int _armed;

    public void CrashOnce() => Interlocked.Exchange(ref _armed, 1);

    public override DateTimeOffset GetUtcNow() =>
        Interlocked.Exchange(ref _armed, 0) == 1 ? throw new InvalidOperationException("Simulated crash before commit") : base.GetUtcNow();
}
