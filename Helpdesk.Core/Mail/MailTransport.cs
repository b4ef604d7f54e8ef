using Helpdesk.Core.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Mail;

/// <summary>Where sent mail goes: an SMTP server or a pickup folder, chosen by "Mail:Delivery".</summary>
public interface IMailTransport
{
    /// <summary>Opens one session for a batch of messages (one SMTP connection). Throws when the server cannot be reached.</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>Returns once the server (or the folder) has accepted the message.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Picks the transport the configuration asks for at the time of each batch (so a change applies without a restart).</summary>
public sealed class ConfiguredMailTransport(IOptionsMonitor<MailOptions> options, IOptionsMonitor<DatabaseOptions> database) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        return o.Delivery switch
        {
            MailDelivery.Smtp => SmtpSession.OpenAsync(o, ct),
            MailDelivery.Pickup => Task.FromResult<IMailSession>(new PickupSession(PickupFolder(o))),
            _ => throw new InvalidOperationException("Mail delivery is off."),
        };
    }

    private string PickupFolder(MailOptions o) => Path.IsPathRooted(o.PickupDirectory)
        ? o.PickupDirectory
        : Path.GetFullPath(Path.Combine(database.CurrentValue.BaseDirectory ?? AppContext.BaseDirectory, o.PickupDirectory));

    private sealed class SmtpSession(SmtpClient client) : IMailSession
    {
        public static async Task<IMailSession> OpenAsync(MailOptions o, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(o.Smtp.Host)) throw new InvalidOperationException("Mail:Smtp:Host is not set.");
            var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
            try
            {
                var security = o.Smtp.Security switch
                {
                    SmtpSecurity.None => SecureSocketOptions.None,
                    SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                    SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                    _ => SecureSocketOptions.Auto,
                };
                await client.ConnectAsync(o.Smtp.Host, o.Smtp.Port, security, ct);
                if (!string.IsNullOrEmpty(o.Smtp.UserName)) await client.AuthenticateAsync(o.Smtp.UserName, o.Smtp.Password, ct);
                return new SmtpSession(client);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        public async Task SendAsync(MimeMessage message, CancellationToken ct) => await client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(true, quit.Token);
                }
            }
            catch (Exception) { /* the messages are accepted already; a failed QUIT changes nothing */ }
            client.Dispose();
        }
    }

    /// <summary>Writes each message as an .eml file: written under a temporary name, then renamed, so readers never see half a file.</summary>
    private sealed class PickupSession(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            Directory.CreateDirectory(folder);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}";
            var temp = Path.Combine(folder, name + ".tmp");
            await message.WriteToAsync(temp, ct);
            File.Move(temp, Path.Combine(folder, name + ".eml"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
