using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Routing;

/// <summary>
/// A fresh <see cref="Desk"/> per test (routing keeps state: pointers, away flags, due times), on a
/// clock the test moves and with an online list the test sets.
/// </summary>
public abstract class RoutingTest : IAsyncLifetime
{
    protected FakeClock Clock { get; } = new();
    protected FakeOnline Online { get; } = new();
    protected TestDatabase Db { get; private set; } = null!;
    protected Desk Desk { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(Register);
        Desk = await Desk.CreateAsync(Db);
    }

    /// <summary>What the test host replaces: the clock and who is online.</summary>
    protected void Register(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IOnlineAgents>(Online);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();

    protected RoutingSettings Settings => Db.Get<RoutingSettings>();

    protected async Task UseStrategyAsync(int teamId, AssignmentStrategy strategy) =>
        Assert.True((await Settings.SetStrategyAsync(Desk.Admin, teamId, strategy)).Succeeded);

    protected async Task<TicketRow> FileAsync(int? categoryId = null, Channel channel = Channel.Web, Impact impact = Impact.Individual, Urgency urgency = Urgency.Soon,
        Caller? requester = null)
    {
        var who = requester ?? Desk.Alice;
        var result = await Desk.HandleAsync(who, new CreateTicket(new NewTicketData
        {
            RequesterId = who.UserId, CategoryId = categoryId ?? Desk.General, Subject = "Monitor stays black", Description = "Since this morning.",
            Impact = impact, Urgency = urgency, Channel = channel,
            System = categoryId == Desk.Laptop ? new SystemDetails { AssetTag = "PC-1" } : null,
        }));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    protected async Task<string?> AssigneeOfAsync(int number) => (await Desk.RowAsync(number)).AssigneeName;

    protected async Task<int?> PointerAsync(int teamId)
    {
        await using var db = Db.CreateDbContext();
        return await db.TeamRouting.Where(r => r.TeamId == teamId).Select(r => r.LastAssignedUserId).SingleOrDefaultAsync();
    }
}

/// <summary>Who has the desk open, as the test says.</summary>
public sealed class FakeOnline : IOnlineAgents
{
    private readonly Lock _gate = new();
    private HashSet<int> _online = [];

    public void Are(params Caller[] people)
    {
        lock (_gate) _online = [.. people.Select(p => p.UserId)];
    }

    public bool IsOnline(int userId)
    {
        lock (_gate) return _online.Contains(userId);
    }
}

/// <summary>Another process on the same database file: a new service provider, nothing shared in memory.</summary>
public sealed class RestartedDesk : IAsyncDisposable
{
    public RestartedDesk(string connectionString, TimeProvider clock, IOnlineAgents online, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(Support.TestDatabase.Settings(Support.TestDatabase.ProviderOf(connectionString), connectionString)) { ["DemoData:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        Helpdesk.Core.DependencyInjection.AddHelpdeskCore(services, configuration);
        services.AddSingleton(clock);
        services.AddSingleton(online);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<Result<TicketRow>> HandleAsync<TCommand>(Caller caller, TCommand command) =>
        Get<ITicketCommandHandler<TCommand>>().HandleAsync(caller, command);

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
