namespace PresenceBot.Publishing.WriteBack;

internal static class WriteBackSetup
{
    /// <summary>Outlook write-back's parts besides its publisher: the written events, their keeper and the clean-up.</summary>
    public static IServiceCollection AddOutlookWriteBack(this IServiceCollection services)
    {
        services.AddSingleton<EfWrittenEventStore>();
        services.AddSingleton<CalendarSync.WriteBack.IWrittenEventStore>(sp => sp.GetRequiredService<EfWrittenEventStore>());
        services.AddSingleton<WrittenEventKeeper>();
        services.AddSingleton<OutlookWriteBackCleanup>();
        services.AddSingleton<WorkQueue.IWorkHandler>(sp => sp.GetRequiredService<OutlookWriteBackCleanup>());
        services.AddHostedService<OutlookWriteBackCleanupTrigger>();
        return services;
    }
}
