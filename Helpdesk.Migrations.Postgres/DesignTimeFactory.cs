using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Helpdesk.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add X --project Helpdesk.Migrations.Postgres` build the model for Npgsql
/// without a server (adding a migration never connects).
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HelpdeskDbContext>
{
    public HelpdeskDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<HelpdeskDbContext>)DatabaseProvider.UsePostgres(new DbContextOptionsBuilder<HelpdeskDbContext>(), "Host=localhost;Database=helpdesk_design").Options);
}
