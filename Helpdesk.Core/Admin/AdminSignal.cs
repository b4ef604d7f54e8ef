using Helpdesk.Core.Application;

namespace Helpdesk.Core.Admin;

/// <summary>
/// Tells open screens that admins changed fields, categories, people or settings (after the commit,
/// here or on another server: <see cref="AdminRelay"/>), so a form being filled in shows a new field
/// without a reload.
/// </summary>
public sealed class AdminSignal : Signal<AdminArea>
{
    public void Raise(IEnumerable<AdminArea> areas)
    {
        foreach (var area in areas.Distinct()) Raise(area);
    }
}
