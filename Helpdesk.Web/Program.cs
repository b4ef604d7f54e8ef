using Helpdesk.Core;
using Helpdesk.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOperatorSettings();
builder.Services.AddHelpdeskCore(builder.Configuration);
if (MigrateToPostgresCommand.Matches(args)) return await MigrateToPostgresCommand.RunAsync(builder, args);
builder.AddHelpdeskWeb();

var app = builder.Build();
if (!await app.InitializeDatabaseAsync()) return 1;
app.MapHelpdesk();
await app.RunAsync();
return 0;

/// <summary>Visible to tests that host the app with WebApplicationFactory.</summary>
public partial class Program;
