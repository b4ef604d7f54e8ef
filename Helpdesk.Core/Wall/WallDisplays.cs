using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Integrations.Tokens;
using Helpdesk.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Wall;

/// <summary>A display as the admin list shows it (never its key).</summary>
public sealed record WallDisplayInfo(int Id, string Name, string Prefix, IReadOnlyList<string> Teams, bool ShowSubjects, DateTime CreatedAt);

/// <summary>A display just created: <see cref="Key"/> is shown once and never stored.</summary>
public sealed record NewWallDisplay(WallDisplayInfo Info, string Key);

/// <summary>
/// Wall displays: those in appsettings.json ("Wall:Displays") and those admins create in the app.
/// A key is checked by its SHA-256 hash (<see cref="TokenHasher"/>, as API tokens are), in constant
/// time against configured keys. Keys do not expire.
/// </summary>
public sealed class WallDisplays(IDbContextFactory<HelpdeskDbContext> dbs, WriteGate gate, TimeProvider clock,
    IOptionsMonitor<WallOptions> options, IStringLocalizer<Messages> localizer, ILogger<WallDisplays> log)
{
    public const string KeyScheme = "wall_";

    /// <summary>The display a key opens, or null (unknown, empty or absurd keys alike).</summary>
    public async Task<WallAccess?> FindAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200) return null;
        var hash = TokenHasher.Hash(key);
        await using var db = await dbs.CreateDbContextAsync(ct);
        foreach (var configured in options.CurrentValue.Displays)
        {
            if (string.IsNullOrWhiteSpace(configured.Key)) continue;
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(TokenHasher.Hash(configured.Key)))) continue;
            var all = configured.Teams.Count == 0;
            var names = configured.Teams.Select(n => n.Trim()).ToList();
            var ids = all ? [] : await db.Teams.AsNoTracking().Where(t => names.Contains(t.Name)).Select(t => t.Id).ToListAsync(ct);
            // A misspelt team must not widen the display to every team: it simply matches nothing.
            if (!all && ids.Count < names.Count) log.LogWarning("Wall display {Name}: some of its teams do not exist ({Teams})", configured.Name, string.Join(", ", names));
            return new WallAccess("config:" + configured.Name, configured.Name, all, ids.ToHashSet(), configured.ShowSubjects);
        }
        var row = await db.Set<WallDisplay>().AsNoTracking().SingleOrDefaultAsync(d => d.Hash == hash, ct);
        if (row is null) return null;
        var teams = row.TeamIdSet;
        return new WallAccess("db:" + row.Id, row.Name, teams.Count == 0, teams, row.ShowSubjects);
    }

    /// <summary>Displays created in the app, by name (admins only; others get none).</summary>
    public async Task<IReadOnlyList<WallDisplayInfo>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<WallDisplay>().AsNoTracking().OrderBy(d => d.Name).ThenBy(d => d.Id).ToListAsync(ct);
        var teamNames = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return [.. rows.Select(r => Info(r, teamNames))];
    }

    /// <summary>Names of the displays in appsettings.json (their keys stay there).</summary>
    public IReadOnlyList<ConfiguredDisplay> Configured => options.CurrentValue.Displays;

    public async Task<Result<NewWallDisplay>> CreateAsync(Caller caller, string? name, IReadOnlyCollection<int> teamIds, bool showSubjects, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return CommandError.Forbidden(localizer["Only admins manage wall displays."]);
        var errors = new FieldErrors();
        errors.Required("Name", name, localizer["Name the display after where it hangs."]);
        errors.MaxLength("Name", name, WallDisplay.NameMax, localizer["Keep the name under {0} characters.", WallDisplay.NameMax]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var known = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        if (known.Count != teamIds.Distinct().Count()) errors.Add("Teams", localizer["Choose teams from the list."]);
        if (errors.Any) return CommandError.Invalid(localizer["Please correct the highlighted fields."], errors.ToDictionary());

        var key = KeyScheme + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        var row = new WallDisplay(name!.Trim(), TokenHasher.PrefixOf(key), TokenHasher.Hash(key), known, showSubjects, clock.GetUtcNow().UtcDateTime, caller.ActorId);
        using (await gate.EnterAsync(ct))
        {
            db.Add(row);
            await db.SaveChangesAsync(ct);
        }
        var teamNames = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return new NewWallDisplay(Info(row, teamNames), key);
    }

    /// <summary>Removes a display: its screen shows "not authorised" from its next reload. False when missing.</summary>
    public async Task<bool> DeleteAsync(Caller caller, int id, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return false;
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<WallDisplay>().Where(d => d.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    private static WallDisplayInfo Info(WallDisplay d, IReadOnlyDictionary<int, string> teamNames) =>
        new(d.Id, d.Name, d.Prefix, [.. d.TeamIdSet.Select(id => teamNames.GetValueOrDefault(id, "#" + id)).Order()], d.ShowSubjects, d.CreatedAt);
}
