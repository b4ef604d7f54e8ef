using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Servers;

/// <summary>
/// Who runs a background job right now, among the app servers sharing the database: one row per
/// job ("sla", "mail", "mailbox:Support"...). The holder renews it well before it expires; a server
/// that dies stops renewing, and once the lease has expired another server takes it over.
/// </summary>
public sealed class JobLease
{
    public const int NameMax = 128;
    public const int HolderMax = 200;

    public string Name { get; set; } = "";
    /// <summary>The holder's <see cref="ServerInstance.Id"/>.</summary>
    public string Holder { get; set; } = "";
    public DateTime AcquiredAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>Goes up by one each time the lease changes hands (a fencing number for logs and tests).</summary>
    public long Generation { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> l)
    {
        l.HasKey(x => x.Name);
        l.Property(x => x.Name).HasMaxLength(JobLease.NameMax);
        l.Property(x => x.Holder).HasMaxLength(JobLease.HolderMax);
    }
}
