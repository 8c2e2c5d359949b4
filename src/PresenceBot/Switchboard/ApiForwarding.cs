using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Switchboard;

/// <summary>
/// <c>forwardTo</c> of a manual referral: the colleague found and their timeline checked for the referral's period
/// before anything is stored (rule 12). Every refusal names its field in Swedish.
/// </summary>
internal static class ApiForwarding
{
    /// <summary>
    /// The checked forwarding, or null with an error (field, message). A colleague not reachable for part of the period
    /// and not confirmed also gives <c>Unreachable</c>: when and why in words that disclose nothing private ("Ida Berg är
    /// upptagen 13.00–14.00"), for a form that offers to confirm or pick another colleague.
    /// </summary>
    public static async Task<(ForwardingProposal? Proposal, Person? Colleague, (string Field, string Message, string? Unreachable)? Error)> CheckAsync(
        ManualReferralRequest request, Person person, Instant? from, Instant until, OrganisationModel org, ForwardingService forwarding,
        CancellationToken cancellationToken)
    {
        if (request.ForwardTo is null)
        {
            return request.ForwardConfirmed is null ? (null, null, null) : (null, null, ("forwardConfirmed", "forwardConfirmed gäller bara tillsammans med forwardTo.", null));
        }

        bool confirmed;
        switch (request.ForwardConfirmed?.Trim().ToLowerInvariant())
        {
            case null or "false":
                confirmed = false;
                break;
            case "true":
                confirmed = true;
                break;
            default:
                return (null, null, ("forwardConfirmed", $"'{request.ForwardConfirmed}' är inget sanningsvärde (\"true\" eller \"false\").", null));
        }

        var matches = ColleagueSearch.Find(org, request.ForwardTo);
        if (matches.Count == 0)
        {
            return (null, null, ("forwardTo", $"Okänd kollega '{request.ForwardTo}'. Ange kollegans id, UPN (e-postadress) eller hela namn.", null));
        }

        if (matches.Count > 1)
        {
            var names = string.Join(", ", matches.Take(10).Select(p => $"{p.Name} ({p.Upn})"));
            return (null, null, ("forwardTo", $"Flera kollegor passar '{request.ForwardTo}': {names}. Ange UPN (e-postadress).", null));
        }

        var colleague = matches[0];
        try
        {
            var proposal = await forwarding.ProposeAsync(person, colleague, until, cancellationToken, from).ConfigureAwait(false);
            if (!proposal.ReachableThroughout && !confirmed)
            {
                var now = proposal.Forwarding.SetAt;
                var when = string.Join(", ", proposal.Unreachable.Select(s => ForwardingText.Stretch(colleague, s, now, org.TimeZone)));
                return (null, null, ("forwardTo", $"{when}. Välj en annan kollega, eller skicka \"forwardConfirmed\": \"true\" för att vidarekoppla ändå.", when));
            }

            return (proposal, colleague, null);
        }
        catch (ReferralRuleException ex)
        {
            return (null, null, (ex.Field, ex.Message, null));
        }
    }
}
