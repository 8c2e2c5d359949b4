using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Tests.Publishing;

/// <summary>The real writer, for test writers that change one thing about it (a lost answer, an edit at a bad moment).</summary>
internal abstract class DelegatingEventWriter(IOutlookEventWriter inner) : IOutlookEventWriter
{
    protected IOutlookEventWriter Inner => inner;

    public virtual Task<EventVersion> CreateAsync(string personId, WriteBackEvent written, string transactionId, CancellationToken cancellationToken) =>
        inner.CreateAsync(personId, written, transactionId, cancellationToken);

    public virtual Task<EventWrite> UpdateAsync(string personId, string eventId, string changeKey, WriteBackEvent written, CancellationToken cancellationToken) =>
        inner.UpdateAsync(personId, eventId, changeKey, written, cancellationToken);

    public virtual Task<EventWriteOutcome> DeleteAsync(string personId, string eventId, string changeKey, CancellationToken cancellationToken) =>
        inner.DeleteAsync(personId, eventId, changeKey, cancellationToken);

    public Task<EventVersion?> ReadAsync(string personId, string eventId, CancellationToken cancellationToken) => inner.ReadAsync(personId, eventId, cancellationToken);

    public Task<string?> FindAsync(string personId, Guid referralId, CancellationToken cancellationToken) => inner.FindAsync(personId, referralId, cancellationToken);

    public Task<Guid?> MarkOfAsync(string personId, string eventId, CancellationToken cancellationToken) => inner.MarkOfAsync(personId, eventId, cancellationToken);

    /// <summary>Replaces the host's writer with one made by <paramref name="wrap"/> around the real one.</summary>
    public static void Replace(IServiceCollection services, Func<IServiceProvider, IOutlookEventWriter, IOutlookEventWriter> wrap)
    {
        var real = services.Single(s => s.ServiceType == typeof(IOutlookEventWriter));
        services.RemoveAll<IOutlookEventWriter>();
        services.AddSingleton(sp => wrap(sp, (IOutlookEventWriter)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
    }
}
