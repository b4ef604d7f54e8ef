namespace Helpdesk.Core.Application;

public enum ErrorKind
{
    /// <summary>One or more fields are wrong; see <see cref="CommandError.Fields"/>.</summary>
    Validation,
    /// <summary>Missing, or not the caller's to see: the two look the same from outside.</summary>
    NotFound,
    /// <summary>Someone else changed the ticket since the caller read it.</summary>
    Conflict,
    /// <summary>The caller may see the ticket but not do this to it.</summary>
    Forbidden,
}

/// <summary>Why a command did nothing. Messages are already localized for the caller's culture.</summary>
public sealed record CommandError(ErrorKind Kind, string Message, IReadOnlyDictionary<string, string[]> Fields)
{
    public static CommandError NotFound(string message) => new(ErrorKind.NotFound, message, Empty);
    public static CommandError Forbidden(string message) => new(ErrorKind.Forbidden, message, Empty);
    public static CommandError Conflict(string message) => new(ErrorKind.Conflict, message, Empty);
    public static CommandError Invalid(string message, IReadOnlyDictionary<string, string[]> fields) => new(ErrorKind.Validation, message, fields);

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}

/// <summary>A command's outcome: a value, or an error that says why nothing was written.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, CommandError? error) { Value = value; Error = error; }

    public T? Value { get; }
    public CommandError? Error { get; }
    public bool Succeeded => Error is null;

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(CommandError error) => new(default, error);

    public static implicit operator Result<T>(CommandError error) => Fail(error);
    public static implicit operator Result<T>(T value) => Ok(value);
}
