using System.ComponentModel.DataAnnotations;

namespace PresenceBot.TeamsChannel.Authentication;

/// <summary>
/// The bot's identity under the Bot Framework's standard top-level keys (what Azure Bot Service and the
/// SDK samples use), so deployments need no translation. No <see cref="MicrosoftAppId"/>: anonymous.
/// </summary>
public sealed class MicrosoftAppOptions : IValidatableObject
{
    /// <summary>Top level: the keys are not in a section.</summary>
    public const string SectionName = "";

    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.SingleTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Single-tenant and managed-identity bots are their tenant's own; Entra tokens of that tenant are accepted too.</summary>
    public bool IsSingleTenant => MicrosoftAppType is MicrosoftAppType.SingleTenant or MicrosoftAppType.UserAssignedMSI;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsAnonymous)
        {
            yield break;
        }

        if (!Guid.TryParse(MicrosoftAppId, out _))
        {
            yield return new ValidationResult($"MicrosoftAppId: '{MicrosoftAppId}' is not a GUID (the Entra app's client id).", [nameof(MicrosoftAppId)]);
        }

        if (IsSingleTenant && !Guid.TryParse(MicrosoftAppTenantId, out _))
        {
            yield return new ValidationResult($"MicrosoftAppTenantId: required (a GUID) when MicrosoftAppType is {MicrosoftAppType}.", [nameof(MicrosoftAppTenantId)]);
        }

        if (MicrosoftAppType is not MicrosoftAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult($"MicrosoftAppPassword: required when MicrosoftAppType is {MicrosoftAppType}.", [nameof(MicrosoftAppPassword)]);
        }
    }
}
