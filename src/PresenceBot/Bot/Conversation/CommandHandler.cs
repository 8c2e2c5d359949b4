using PresenceBot.Bot.Conversation.Cards;
using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Referrals.Referrals;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>Answers one typed command. Nothing is stored unless the command is complete and the rules allow it.</summary>
internal sealed class CommandHandler(
    ReferralReplies referrals, CouplingReplies coupling, ForwardingReplies forwarding, UnitReplies units, VoicemailSeam voicemail, ILogger<CommandHandler> logger)
{
    public Task<BotMessage> HandleAsync(ConversationContext context, string text, CancellationToken cancellationToken) =>
        CommandParser.Parse(text, context.Time) switch
        {
            SetReferralCommand command => SetAsync(context, command, cancellationToken),
            ReturnCommand => referrals.ReturnAsync(context, cancellationToken),
            StatusCommand => referrals.StatusAsync(context, cancellationToken),
            CouplingCommand { Mode: { } mode } => coupling.SetAsync(context.Person, mode, cancellationToken),
            CouplingCommand => Task.FromResult(CouplingReplies.Show(context.Person)),
            HelpCommand => Task.FromResult(BotMessage.FromCard(HelpCard.Build(), HelpCard.Summary)),
            VoicemailCommand => voicemail.ShowAsync(context.Person, cancellationToken),
            ForwardCommand forward => forwarding.ForwardAsync(context, forward, cancellationToken),
            ForwardOffCommand => forwarding.EndAsync(context, cancellationToken),
            UnitCommand => units.ShowAsync(context, cancellationToken),
            UnknownCommand unknown => Task.FromResult(BotMessage.FromText(unknown.Message)),
            var other => throw new InvalidOperationException($"Unhandled command {other.GetType().Name}."),
        };

    /// <summary>Commands whose answer holds nothing of the person's own (help, not understood) may be answered in a group chat or channel.</summary>
    public static bool IsGeneral(string text, TimeContext time) => CommandParser.Parse(text, time) is HelpCommand or UnknownCommand;

    private async Task<BotMessage> SetAsync(ConversationContext context, SetReferralCommand command, CancellationToken cancellationToken)
    {
        switch (command.Until)
        {
            case TimeSuccess success:
                try
                {
                    return await referrals.SetAsync(context, new SetReferralValues(command.Reason, success.Until, success.From, Note: command.Note), cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (ReferralRuleException ex)
                {
                    ConversationLog.ReferralRefused(logger, context.Person.Id, ex.Field);
                    return BotMessage.FromText($"{ex.Message} Skriv till exempel: /möte till 15:00, /lunch i 45 min.");
                }

            case TimeMissing:
                // A referral needs an end (rule 6): ask for it, and keep nothing until it is answered.
                var status = await referrals.StatusOfAsync(context, cancellationToken).ConfigureAwait(false);
                return BotMessage.FromCard(EndQuestionCard.Build(command.Reason, command.Note, StatusVersion.Of(status), context.Time), EndQuestionCard.Question(command.Reason));
            case TimeFailure failure:
                ConversationLog.ReferralRefused(logger, context.Person.Id, failure.GetType().Name);
                return BotMessage.FromText(failure.Message);
            default:
                throw new InvalidOperationException($"Unhandled time result {command.Until.GetType().Name}.");
        }
    }
}
