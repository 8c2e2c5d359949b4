namespace PresenceBot.Switchboard;

/// <summary>
/// An operator's referral on someone's behalf. Fields are strings so every bad value gets an error
/// that names the field, rather than a generic binding failure. <see cref="ForwardTo"/> names a colleague (id, UPN or
/// name) to forward calls to for the referral's period; <see cref="ForwardConfirmed"/> ("true") sets it even when the
/// colleague is not reachable all of it.
/// </summary>
public sealed record ManualReferralRequest(
    string? Reason, string? Until, string? Phone, string? Note, string? From, string? ForwardTo = null, string? ForwardConfirmed = null);
