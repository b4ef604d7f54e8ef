using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.Core.Admin;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Settings;

/// <summary>
/// Business settings: appsettings.json gives the defaults, admins override them in the app. A save
/// is checked as a whole (every error at once), audited (a secret only as "changed"), and applied
/// at once to the shared <see cref="TicketRules"/>, the ticket number prefix and the mail options:
/// no restart.
/// </summary>
public sealed partial class DeskSettings(
    IDbContextFactory<HelpdeskDbContext> dbs,
    AdminWriter writer,
    TicketRules rules,
    IOptionsMonitorCache<MailOptions> mailOptions)
{
    public const string DefaultAttachmentTypes = ".pdf, .png, .jpg, .jpeg, .gif, .txt, .log, .csv, .docx, .xlsx, .pptx, .zip";
    private readonly TicketRules _defaults = new()
    {
        ReopenWithinDays = rules.ReopenWithinDays, ArchiveClosedAfterDays = rules.ArchiveClosedAfterDays, AutoCloseResolvedAfterDays = rules.AutoCloseResolvedAfterDays,
    };
    private volatile IReadOnlyDictionary<string, string> _stored = new Dictionary<string, string>();

    /// <summary>The value in force (stored, else the default). A secret's real value: for the code that uses it, never for display.</summary>
    public string Get(string key) => _stored.TryGetValue(key, out var v) ? v : Default(key);

    public int GetNumber(string key) => int.Parse(Get(key), CultureInfo.InvariantCulture);

    public IReadOnlyList<string> AllowedAttachmentTypes => [.. Split(Get(SettingKeys.AttachmentTypes))];

    /// <summary>Reads the stored settings and applies them (at start-up).</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        Apply(await db.DeskSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct));
    }

    public async Task<IReadOnlyList<SettingView>?> ListAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await (from s in db.DeskSettings
                          join u in db.Users on s.UpdatedById equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          select new { s.Key, s.Value, s.UpdatedAt, By = u == null ? null : u.DisplayName }).ToDictionaryAsync(s => s.Key, ct);
        return [.. SettingKeys.All.Select(d =>
        {
            var row = rows.GetValueOrDefault(d.Key);
            var value = row?.Value ?? Default(d.Key);
            return new SettingView(d, d.Kind == SettingKind.Secret ? Mask(value) : value, row is null, row?.UpdatedAt, row?.By);
        })];
    }

    /// <summary>Saves the values given (keys left out stay; an empty secret keeps the stored one).</summary>
    public async Task<Result<int>> SaveAsync(Caller caller, IReadOnlyDictionary<string, string?> values, CancellationToken ct = default)
    {
        IReadOnlyDictionary<string, string>? applied = null;
        var result = await writer.ExecuteAsync("SaveSettings", caller, AdminArea.Setting, async w =>
        {
            var errors = new FieldErrors();
            var clean = new Dictionary<string, string>();
            foreach (var (key, raw) in values)
            {
                var d = SettingKeys.Find(key);
                if (d is null) { errors.Add(key, w.T("There is no setting \"{0}\".", key)); continue; }
                var text = raw?.Trim() ?? "";
                if (d.Kind == SettingKind.Secret && text.Length == 0) continue;
                if (Check(d, text, w) is { } problem) { errors.Add(key, problem); continue; }
                clean[key] = Normalise(d, text);
            }
            if (errors.Any) return w.Invalid(errors);

            var stored = await w.Db.DeskSettings.ToDictionaryAsync(s => s.Key, ct);
            var changed = 0;
            foreach (var (key, value) in clean)
            {
                var d = SettingKeys.Find(key)!;
                var before = stored.GetValueOrDefault(key)?.Value ?? Default(key);
                if (before == value) continue;
                if (!stored.TryGetValue(key, out var row)) w.Db.DeskSettings.Add(row = new DeskSetting { Key = key });
                row.Value = value;
                row.UpdatedAt = w.Now;
                row.UpdatedById = w.Caller.ActorId;
                // A secret never reaches the audit log, not even in part.
                w.Record(AdminArea.Setting, key, d.Label, "Value", d.Kind == SettingKind.Secret ? (before.Length == 0 ? null : "••••") : before,
                    d.Kind == SettingKind.Secret ? w.T("changed") : value);
                changed++;
            }
            await w.Db.SaveChangesAsync(ct);
            applied = await w.Db.DeskSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
            return Result<int>.Ok(changed);
        }, ct, afterCommit: () => { Apply(applied!); return Task.CompletedTask; });
        return result;
    }

    private void Apply(IReadOnlyDictionary<string, string> stored)
    {
        _stored = stored;
        rules.ReopenWithinDays = GetNumber(SettingKeys.ReopenWithinDays);
        rules.ArchiveClosedAfterDays = GetNumber(SettingKeys.ArchiveClosedAfterDays);
        rules.AutoCloseResolvedAfterDays = GetNumber(SettingKeys.AutoCloseResolvedAfterDays);
        TicketNumber.UsePrefix(Get(SettingKeys.NumberPrefix));
        mailOptions.TryRemove(Options.DefaultName); // the next mail reads the password again (MailPasswordSetting)
    }

    private string Default(string key) => key switch
    {
        SettingKeys.NumberPrefix => TicketNumber.DefaultPrefix,
        SettingKeys.ReopenWithinDays => _defaults.ReopenWithinDays.ToString(CultureInfo.InvariantCulture),
        SettingKeys.ArchiveClosedAfterDays => _defaults.ArchiveClosedAfterDays.ToString(CultureInfo.InvariantCulture),
        SettingKeys.AutoCloseResolvedAfterDays => _defaults.AutoCloseResolvedAfterDays.ToString(CultureInfo.InvariantCulture),
        SettingKeys.AttachmentTypes => DefaultAttachmentTypes,
        SettingKeys.AttachmentMaxMegabytes => "10",
        _ => "",
    };

    private static string? Check(SettingDefinition d, string text, AdminWork w) => d.Kind switch
    {
        SettingKind.Number when !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < d.Min || n > d.Max =>
            w.T("Give a whole number from {0} to {1}.", d.Min, d.Max),
        SettingKind.Text when d.Key == SettingKeys.NumberPrefix && !PrefixPattern().IsMatch(text) =>
            w.T("Use 1 to 6 capital letters or digits, optionally ending with - (HD-, IT, SUP-)."),
        SettingKind.List when Split(text).Any(t => !ExtensionPattern().IsMatch(t)) =>
            w.T("List file extensions like .pdf, .png, .docx."),
        SettingKind.List or SettingKind.Text or SettingKind.Secret when text.Length > DeskSetting.ValueMax =>
            w.T("Keep this under {0} characters.", DeskSetting.ValueMax),
        _ => null,
    };

    private static string Normalise(SettingDefinition d, string text) => d.Kind switch
    {
        SettingKind.Number => int.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        SettingKind.List => string.Join(", ", Split(text).Select(t => t.ToLowerInvariant()).Distinct()),
        _ => text,
    };

    private static IEnumerable<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.StartsWith('.') ? t : "." + t);

    /// <summary>"••••••ab": enough to recognise it, never enough to use it.</summary>
    internal static string Mask(string secret) => secret.Length == 0 ? "" : new string('•', 6) + (secret.Length >= 8 ? secret[^2..] : "");

    [GeneratedRegex("^[A-Z0-9]{1,6}-?$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^\.[a-z0-9]{1,10}$", RegexOptions.IgnoreCase)]
    private static partial Regex ExtensionPattern();
}
