namespace PresenceBot.GraphStandIn.Mail;

/// <summary>A query option the stand-in can't honour; answered as Graph's 400 with <see cref="Code"/>.</summary>
internal sealed class QueryException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static QueryException Invalid(string message) => new("BadRequest", message);

    /// <summary>Valid for Graph, perhaps, but not served here: said plainly rather than silently ignored.</summary>
    public static QueryException Unsupported(string what) =>
        new("BadRequest", $"The Graph stand-in does not support {what}.");
}
