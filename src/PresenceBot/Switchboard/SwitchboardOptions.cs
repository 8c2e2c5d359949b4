using System.ComponentModel.DataAnnotations;

namespace PresenceBot.Switchboard;

public sealed class SwitchboardOptions : IValidatableObject
{
    public const string SectionName = "Switchboard";

    /// <summary>
    /// Accepted <c>X-Api-Key</c> values by the name the admin gives each (<c>Switchboard:ApiKeys:trio</c> = key): the
    /// name goes into the audit trail with the operator. Empty: the API is open (refused at start outside Development).
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Names of <see cref="ApiKeys"/> that may also use the admin endpoints (replaying dead letters:
    /// <c>Switchboard:AdminKeys:0=ops</c>). Empty: no key may; with no API keys at all (Development) they are open like the API.
    /// </summary>
    public List<string> AdminKeys { get; set; } = [];

    /// <summary>
    /// The shared secret the switchboard signs voicemail webhooks with (HMAC-SHA256 of <c>"{timestamp}.{raw body}"</c>).
    /// Unset: the webhook refuses every call (a warning is logged at start) — an unsigned webhook would let anyone fill ledgers.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Also accept the old signature over the raw body alone, without <c>X-PresenceBot-Timestamp</c> (which can be
    /// replayed for ever). Only while a switchboard is moved to the timestamped form; logged as a warning at start.
    /// </summary>
    public bool AcceptUnsignedTimestamp { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ApiKeyRules.Problems(ApiKeys).Select(problem => new ValidationResult(problem, [nameof(ApiKeys)]))
            .Concat(ApiKeyRules.AdminProblems(ApiKeys, AdminKeys).Select(problem => new ValidationResult(problem, [nameof(AdminKeys)])));
}
