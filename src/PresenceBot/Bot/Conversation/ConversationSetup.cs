using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

internal static class ConversationSetup
{
    /// <summary>The commands and card buttons; every part is stateless, so one instance serves all turns.</summary>
    public static IServiceCollection AddTeamsConversation(this IServiceCollection services)
    {
        services.AddSingleton<ConversationTime>();
        services.AddSingleton<ReferralReplies>();
        services.AddSingleton<CouplingReplies>();
        services.AddSingleton<ForwardingReplies>();
        services.AddSingleton<UnitReplies>();
        services.AddSingleton<VoicemailSeam>();
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<PrivateAnswer>();
        services.AddSingleton<CardActionHandler>();
        services.AddSingleton<IBotConversation, TeamsConversation>();
        return services;
    }
}
