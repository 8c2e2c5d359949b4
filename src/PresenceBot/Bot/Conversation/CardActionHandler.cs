using PresenceBot.Bot.Conversation.Cards;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// Answers a pressed button, whether it came as <c>Action.Execute</c> or <c>Action.Submit</c>. Referral buttons are
/// checked against the status their card was drawn from first: a stale card says so rather than overwrite.
/// </summary>
internal sealed class CardActionHandler(
    ReferralReplies referrals,
    CouplingReplies coupling,
    ForwardingReplies forwarding,
    UnitReplies units,
    IEnumerable<ICardVerbHandler> handlers,
    ILogger<CardActionHandler> logger)
{
    public const string UnknownAction = "Okänd åtgärd: jag känner inte igen knappen. Skriv /hjälp för att se vad jag kan.";

    public Task<BotMessage> HandleAsync(ConversationContext context, CardSubmission submission, CancellationToken cancellationToken)
    {
        var data = new CardData(submission.Data);
        var verb = submission.Verb ?? data.Verb;
        return verb switch
        {
            CardVerbs.Return or CardVerbs.Edit or CardVerbs.Set or CardVerbs.PickEnd => ReferralActionAsync(context, verb, data, cancellationToken),
            CardVerbs.Coupling => CouplingAsync(context.Person, data, cancellationToken),
            _ when ForwardingVerbs.Handles(verb) => forwarding.HandleAsync(context, verb!, data, cancellationToken),
            UnitVerbs.AskStaff => units.AskStaffAsync(context, data, cancellationToken),
            _ => HandOverAsync(context.Person, verb, submission, cancellationToken),
        };
    }

    private async Task<BotMessage> ReferralActionAsync(ConversationContext context, string verb, CardData data, CancellationToken cancellationToken)
    {
        var status = await referrals.StatusOfAsync(context, cancellationToken).ConfigureAwait(false);
        var version = StatusVersion.Of(status);
        if (data.Version != version)
        {
            return referrals.Stale(context, status, verb);
        }

        return verb switch
        {
            CardVerbs.Return => await referrals.ReturnAsync(context, cancellationToken).ConfigureAwait(false),
            CardVerbs.Edit => BotMessage.FromCard(ReferralFormCard.Build(ReferralFormCard.From(ReferralView.Of(status, ""), context.Time), version), "Ändra hänvisning"),
            CardVerbs.Set => await SubmitFormAsync(context, data, version, cancellationToken).ConfigureAwait(false),
            _ => await PickEndAsync(context, data, version, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<BotMessage> SubmitFormAsync(ConversationContext context, CardData data, string version, CancellationToken cancellationToken)
    {
        var form = ReferralForm.Read(data, context.Time);
        if (!form.IsValid)
        {
            ConversationLog.ReferralRefused(logger, context.Person.Id, "form");
            return FormWithErrors(form, version, form.Errors);
        }

        try
        {
            return await referrals.SetAsync(context, new SetReferralValues(form.Reason!.Value, form.Until!.Value, Phone: form.Phone, Note: form.Note), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ReferralRuleException ex)
        {
            ConversationLog.ReferralRefused(logger, context.Person.Id, ex.Field);
            return FormWithErrors(form, version, [ex.Message]);
        }
    }

    private async Task<BotMessage> PickEndAsync(ConversationContext context, CardData data, string version, CancellationToken cancellationToken)
    {
        if (!ReasonCatalog.TryParse(data[EndQuestionCard.ReasonKey], out var reason))
        {
            return BotMessage.FromText(UnknownAction);
        }

        var note = data[EndQuestionCard.NoteKey];
        var until = EndPick.Resolve(data[EndQuestionCard.PickKey], data, context.Time);
        if (until.Until is not { } end)
        {
            return BotMessage.FromCard(EndQuestionCard.Build(reason, note, version, context.Time, until.Error), until.Error);
        }

        try
        {
            return await referrals.SetAsync(context, new SetReferralValues(reason, end, Note: note), cancellationToken).ConfigureAwait(false);
        }
        catch (ReferralRuleException ex)
        {
            ConversationLog.ReferralRefused(logger, context.Person.Id, ex.Field);
            return BotMessage.FromCard(EndQuestionCard.Build(reason, note, version, context.Time, ex.Message), ex.Message);
        }
    }

    private async Task<BotMessage> CouplingAsync(Person person, CardData data, CancellationToken cancellationToken) =>
        Enum.TryParse<CalendarCoupling>(data[CouplingCard.ModeKey], ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? await coupling.SetAsync(person, mode, cancellationToken).ConfigureAwait(false)
            : BotMessage.FromText(UnknownAction);

    /// <summary>Another feature's button (a voicemail reminder's "Hörd"): its handler answers, or nobody claims it.</summary>
    private Task<BotMessage> HandOverAsync(Person person, string? verb, CardSubmission submission, CancellationToken cancellationToken)
    {
        if (verb is not null && handlers.FirstOrDefault(h => h.Handles(verb)) is { } handler)
        {
            ConversationLog.HandedOver(logger, person.Id, verb, handler.GetType().Name);
            return handler.HandleAsync(person, submission with { Verb = verb }, cancellationToken);
        }

        ConversationLog.UnknownVerb(logger, person.Id, verb);
        return Task.FromResult(BotMessage.FromText(UnknownAction));
    }

    private static BotMessage FormWithErrors(ReferralFormSubmission form, string version, IReadOnlyList<string> errors) =>
        BotMessage.FromCard(ReferralFormCard.Build(form.Entered, version, errors), string.Join(" ", errors));
}
