using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core;

/// <summary>One migrated database file per test class, holding a small <see cref="Support.Builders.Desk"/>, on a clock the tests move.</summary>
public class DeskFixture : IAsyncLifetime
{
    public FakeClock Clock { get; } = new();
    public TestDatabase Db { get; private set; } = null!;
    public Desk Desk { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(services => services.AddSingleton<TimeProvider>(Clock));
        Desk = await Desk.CreateAsync(Db);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
