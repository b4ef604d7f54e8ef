using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace Helpdesk.Web.Hosting;

/// <summary>
/// The operator edits one file: appsettings.json at the repository root (or beside the binaries
/// in a published folder). It is loaded under everything else, so environment variables and
/// command-line switches still win.
/// </summary>
public static class OperatorSettings
{
    public static void AddOperatorSettings(this WebApplicationBuilder builder)
    {
        var file = Locate(builder.Environment.ContentRootPath);
        if (file is null) return;
        var folder = Path.GetDirectoryName(file)!;
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = Path.GetFileName(file),
            FileProvider = new PhysicalFileProvider(folder),
            Optional = false,
        });
        builder.Configuration.Sources.Insert(1, new MemoryConfigurationSource
        {
            InitialData = [new("Database:BaseDirectory", folder)],
        });
    }

    /// <summary>The repository root when run from source, else the folder of the binaries.</summary>
    public static string? Locate(string contentRoot)
    {
        string[] candidates =
        [
            Path.Combine(contentRoot, "..", "appsettings.json"),
            Path.Combine(contentRoot, "appsettings.json"),
            Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
        ];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists);
    }
}
