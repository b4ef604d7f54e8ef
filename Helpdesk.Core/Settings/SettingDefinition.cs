namespace Helpdesk.Core.Settings;

public enum SettingKind { Text, Number, List, Secret }

/// <summary>A business setting admins edit in the app. <paramref name="Label"/> and <paramref name="Help"/> are English resource keys.</summary>
public sealed record SettingDefinition(string Key, string Group, string Label, string Help, SettingKind Kind, int Min = 0, int Max = int.MaxValue);

/// <summary>A setting as the settings page shows it. A secret's value is never here: only whether it is set and its last two characters.</summary>
public sealed record SettingView(SettingDefinition Definition, string Value, bool IsDefault, DateTime? UpdatedAt, string? UpdatedBy);

/// <summary>The settings there are. Wall display keys belong to the wall's own configuration.</summary>
public static class SettingKeys
{
    public const string NumberPrefix = "Tickets.NumberPrefix";
    public const string ReopenWithinDays = "Tickets.ReopenWithinDays";
    public const string ArchiveClosedAfterDays = "Tickets.ArchiveClosedAfterDays";
    public const string AutoCloseResolvedAfterDays = "Tickets.AutoCloseResolvedAfterDays";
    public const string AttachmentTypes = "Attachments.AllowedTypes";
    public const string AttachmentMaxMegabytes = "Attachments.MaxMegabytes";
    public const string SmtpPassword = "Mail.SmtpPassword";

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new(NumberPrefix, "Tickets", "Ticket number prefix", "Shown before every ticket number (HD-1042). Letters and digits, up to 6, ending with - if you like.", SettingKind.Text),
        new(ReopenWithinDays, "Tickets", "Reopen window (days)", "How long after resolution a requester may reopen.", SettingKind.Number, 0, 365),
        new(AutoCloseResolvedAfterDays, "Tickets", "Close resolved tickets after (days)", "Resolved tickets nobody confirms or reopens are closed by the system; 0 never closes them.", SettingKind.Number, 0, 365),
        new(ArchiveClosedAfterDays, "Tickets", "Archive closed tickets after (days)", "They leave the working queues, stay searchable, are never deleted.", SettingKind.Number, 1, 3650),
        new(AttachmentTypes, "Attachments", "Allowed attachment types", "File extensions, comma-separated (.pdf, .png, .docx).", SettingKind.List),
        new(AttachmentMaxMegabytes, "Attachments", "Largest attachment (MB)", "Files above this size are refused.", SettingKind.Number, 1, 100),
        new(SmtpPassword, "Mail", "SMTP password", "Replaces Mail:Smtp:Password from appsettings.json. Never shown again once saved; leave empty to keep it.", SettingKind.Secret),
    ];

    public static SettingDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}
