using Helpdesk.Core.Application;

namespace Helpdesk.Core.Reports;

/// <summary>Reports cover the whole desk, so only team leads and admins read them; anyone else is answered as if there were nothing.</summary>
public static class ReportAccess
{
    public static bool CanRead(Caller? caller) => caller is { } c && (c.IsAdmin || c.IsLead);
}
