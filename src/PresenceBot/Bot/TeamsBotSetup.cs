using PresenceBot.Bot.Conversation;
using PresenceBot.Storage;
using PresenceBot.TeamsChannel;
using PresenceBot.TeamsChannel.Connector;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot;

/// <summary>The Teams bot: the channel (src/TeamsChannel) with our stores, our people and the conversation (the commands).</summary>
internal static class TeamsBotSetup
{
    public static IHostApplicationBuilder AddTeamsBot(this IHostApplicationBuilder builder)
    {
        builder.AddTeamsChannel();
        var services = builder.Services;
        services.AddSingleton<IConversationReferenceStore, EfConversationReferenceStore>();
        services.AddSingleton<ITrustedServiceUrlStore, EfTrustedServiceUrlStore>();
        services.AddSingleton<IBotPersonDirectory, OrganisationPersonDirectory>();
        services.AddTeamsConversation();
        return builder;
    }
}
