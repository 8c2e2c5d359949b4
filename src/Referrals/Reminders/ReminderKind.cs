namespace PresenceBot.Referrals.Reminders;

/// <summary>Every message the reminder policies can ask to send. Part of the once-only key, so never renumber or rename.</summary>
public enum ReminderKind
{
    /// <summary>A voicemail has been unheard for the first threshold (30 minutes) in working hours.</summary>
    VoicemailFirst,

    /// <summary>Still unheard, at most every repeat interval (2 hours), or when a snooze ends.</summary>
    VoicemailRepeat,

    /// <summary>At the last-call time (15:00): something from today is still unheard — "ring tillbaka i dag".</summary>
    VoicemailLastCall,

    /// <summary>The one summary on a working morning of what arrived while reminders weren't allowed.</summary>
    VoicemailDigest,

    /// <summary>To a manager: a gap in the unit's phone hours opened within the alert horizon.</summary>
    CoverageAlert,

    /// <summary>To a manager: the next working day's gaps, at the digest time the day before.</summary>
    CoverageDigest,

    /// <summary>To a manager: an alerted gap is staffed again — "täckt igen".</summary>
    CoverageCovered,

    /// <summary>To a member of staff: their new booking leaves the unit's phone hours understaffed.</summary>
    StaffPhoneHoursWarning,

    /// <summary>To a colleague: calls to someone are forwarded to them ("Samtal till Kim Krona kopplas till dig till 15.00").</summary>
    ForwardingNotice,

    /// <summary>To both: the colleague a forwarding goes to became unreachable inside its period; once per forwarding.</summary>
    ForwardingConflict,

    /// <summary>To a unit's reachable members: a manager asks whether someone can take a gap in the phone hours; once per gap.</summary>
    CoverageGapAsk,
}
