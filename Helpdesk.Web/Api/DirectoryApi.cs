using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Web.Api;

/// <summary>Who am I, and the reference data a create or an assignment needs: categories, teams, people (staff only).</summary>
public static class DirectoryApi
{
    public static void MapDirectoryApi(this RouteGroupBuilder api)
    {
        var directory = api.MapGroup("/").WithTags("Directory");

        directory.MapGet("/me", Me).WithName("GetMe").WithSummary("The person and token behind this request");
        directory.MapGet("/categories", CategoriesAsync).WithName("ListCategories").WithSummary("Active categories (categoryId of a new ticket)");
        directory.MapGet("/teams", TeamsAsync).WithName("ListTeams").WithSummary("Teams (teamId of an escalation)");
        directory.MapGet("/users", UsersAsync).WithName("ListUsers")
            .WithSummary("People: search by name, e-mail or department, or a team's members (staff only)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public sealed record MeResponse(int Id, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> TeamIds, Tier? Tier, bool IsStaff, TokenResponse Token);

    public sealed record TokenResponse(int Id, string Name, DateTime? ExpiresAt);

    internal static Ok<MeResponse> Me(ApiCaller me) =>
        TypedResults.Ok(new MeResponse(me.Caller.UserId, me.Caller.DisplayName, [.. me.Caller.Roles.Order()], [.. me.Caller.TeamIds.Order()],
            me.Caller.Tier, me.Caller.IsStaff, new TokenResponse(me.TokenId, me.TokenName, me.TokenExpiresAt)));

    internal static async Task<Ok<IReadOnlyList<CategoryOption>>> CategoriesAsync(CategoryQueries categories, CancellationToken ct) =>
        TypedResults.Ok(await categories.ActiveAsync(ct));

    internal static async Task<Ok<IReadOnlyList<TeamOption>>> TeamsAsync(PeopleQueries people, CancellationToken ct) =>
        TypedResults.Ok(await people.TeamsAsync(ct));

    /// <param name="search">Part of a name, e-mail or department.</param>
    /// <param name="teamId">Only this team's active members (who may be assigned its tickets).</param>
    /// <param name="limit">1 to 200, default 50.</param>
    internal static async Task<Results<Ok<IReadOnlyList<PersonOption>>, ProblemHttpResult>> UsersAsync(
        ApiCaller me, PeopleQueries people, IStringLocalizer<SharedResource> L, string? search = null, int? teamId = null, int? limit = null, CancellationToken ct = default)
    {
        if (!me.Caller.IsStaff) return ApiProblems.Status(StatusCodes.Status403Forbidden, L["Only staff can list people."]);
        var found = teamId is { } team
            ? await people.TeamMembersAsync(me.Caller, team, ct)
            : await people.FindPeopleAsync(me.Caller, search, Math.Clamp(limit ?? 50, 1, 200), ct);
        return TypedResults.Ok(found);
    }
}
