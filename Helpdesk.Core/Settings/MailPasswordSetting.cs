using Helpdesk.Core.Mail;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Settings;

/// <summary>An SMTP password saved in the app replaces the one in appsettings.json (read again after each save).</summary>
internal sealed class MailPasswordSetting(IServiceProvider services) : IPostConfigureOptions<MailOptions>
{
    public void PostConfigure(string? name, MailOptions options)
    {
        // Resolved lazily: DeskSettings itself depends on the options cache.
        var settings = (DeskSettings?)services.GetService(typeof(DeskSettings));
        var stored = settings?.Get(SettingKeys.SmtpPassword);
        if (!string.IsNullOrEmpty(stored)) options.Smtp.Password = stored;
    }
}
