using Helpdesk.Tests.Support;
using Helpdesk.Web.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Tests.Web.Realtime;

/// <summary>
/// What other servers report, merged with this server's own presence: one entry per person (typing
/// wins), and what a server stopped repeating, or said goodbye for, leaves at once with a change.
/// </summary>
public sealed class RemotePresenceTests
{
    private readonly PresenceTracker _tracker = new(TimeProvider.System, NullLogger<PresenceTracker>.Instance);
    private readonly AgentPresence _agents = new(NullLogger<AgentPresence>.Instance);

    private static PresenceEntry Entry(int userId, string name, bool typing = false) =>
        new(Guid.NewGuid(), userId, name, true, typing, new DateTime(2026, 3, 2, 9, 0, userId, DateTimeKind.Utc));

    [Fact]
    public async Task AnotherServersViewersJoinThisServersAndThePersonTypingAnywhereShowsAsTyping()
    {
        var changed = new List<int>();
        using var watch = _tracker.Watch(1042, n => { lock (changed) changed.Add(n); return Task.CompletedTask; });
        using var dana = _tracker.Join(1042, 1, "Dana", true);

        _tracker.SetRemote("server-b", 1042, [Entry(1, "Dana", typing: true), Entry(2, "Sam")], seenAt: 100);

        Assert.Equal([(1, true), (2, false)], _tracker.On(1042).Select(e => (e.UserId, e.Typing)));
        Assert.Equal([1], _tracker.Local(1042).Select(e => e.UserId));
        await Eventually.TrueAsync(() => { lock (changed) return changed.Count >= 2; }, "the watcher hears both changes");
    }

    [Fact]
    public void WhatAServerHasNotRepeatedExpiresAndAGoodbyeClearsAllItSaid()
    {
        _tracker.SetRemote("server-b", 1042, [Entry(2, "Sam")], seenAt: 100);
        _tracker.SetRemote("server-b", 1043, [Entry(2, "Sam")], seenAt: 300);
        _tracker.SetRemote("server-c", 1044, [Entry(3, "Omar")], seenAt: 100);
        _agents.SetRemote("server-b", 2, true, seenAt: 100);
        _agents.SetRemote("server-c", 3, true, seenAt: 300);

        _tracker.ForgetRemote(null, seenBefore: 200);
        _agents.ForgetRemote(null, seenBefore: 200);

        Assert.Equal([1043], _tracker.All().Keys);
        Assert.False(_agents.IsOnline(2));
        Assert.True(_agents.IsOnline(3));

        _tracker.ForgetRemote("server-b");
        _agents.ForgetRemote("server-c");
        Assert.Empty(_tracker.All());
        Assert.False(_agents.IsOnline(3));
    }

    [Fact]
    public async Task SomeoneOnlineOnTwoServersStaysOnlineUntilTheyLeaveBoth()
    {
        var changes = new List<AgentStatusChanged>();
        using var watch = _agents.Watch(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });
        _agents.Connected("tab-1", 7);
        _agents.SetRemote("server-b", 7, true, seenAt: 1);

        _agents.Disconnected("tab-1");
        Assert.True(_agents.IsOnline(7));
        _agents.SetRemote("server-b", 7, false, seenAt: 2);
        Assert.False(_agents.IsOnline(7));

        await Eventually.TrueAsync(() => { lock (changes) return changes.Count == 2; }, "the watcher hears online and offline");
        lock (changes) Assert.Equal([true, false], changes.OrderBy(c => c.Online ? 0 : 1).Select(c => c.Online));
    }
}
