namespace PresenceBot.Switchboard;

/// <summary>
/// An operator's referral on someone's behalf. Fields are strings so every bad value gets an error
/// that names the field, rather than a generic binding failure.
/// </summary>
public sealed record ManualReferralRequest(string? Reason, string? Until, string? Phone, string? Note, string? From);
