using System.Text.Json;
using Helpdesk.Core.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Helpdesk.Web.Api;

/// <summary>
/// CommandError → RFC 9457 problem details: Validation → 400 with every field's messages at once,
/// NotFound → 404 (also for tickets the caller may not see), Forbidden → 403, Conflict → 412 when
/// the request carried If-Match (its precondition failed), else 409.
/// </summary>
public static class ApiProblems
{
    public static Results<TOk, ValidationProblem, ProblemHttpResult> Fail<TOk>(CommandError error, bool preconditioned) where TOk : IResult =>
        error.Kind == ErrorKind.Validation ? Validation(error.Fields) : Problem(error, preconditioned);

    public static ProblemHttpResult Problem(CommandError error, bool preconditioned) => error.Kind switch
    {
        ErrorKind.NotFound => NotFound(error.Message),
        ErrorKind.Forbidden => Status(StatusCodes.Status403Forbidden, error.Message),
        ErrorKind.Conflict => Status(preconditioned ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict, error.Message),
        _ => Status(StatusCodes.Status400BadRequest, error.Message),
    };

    /// <summary>Field names as the JSON spells them ("categoryId", not "CategoryId").</summary>
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> fields) =>
        TypedResults.ValidationProblem(fields.ToDictionary(f => JsonNamingPolicy.CamelCase.ConvertName(f.Key), f => f.Value));

    /// <summary>One field, named as the client sends it (a JSON property or a header).</summary>
    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Status(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}
