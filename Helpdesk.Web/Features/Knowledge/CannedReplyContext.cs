using Helpdesk.Core.Application;
using Helpdesk.Core.Knowledge;

namespace Helpdesk.Web.Features.Knowledge;

/// <summary>Turns on canned replies in a reply box: whose replies to offer and the ticket their placeholders read.</summary>
public sealed record CannedReplyContext(Caller Caller, PlaceholderValues Values);
