using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages;
using Microsoft.Kiota.Abstractions;
using PresenceBot.CalendarSync.Graph;

namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>
/// <see cref="IMailboxVoicemailReader"/> over Graph (application permission <c>Mail.Read</c>): each person's inbox,
/// first pages in <c>$batch</c>, further pages one by one, so a mailbox never has more than one request of ours in
/// flight. Ids are asked for as immutable ids, so a voicemail keeps its id if it is moved and moved back.
/// </summary>
internal sealed class GraphMailboxVoicemailReader(GraphClientProvider graph, IOptions<MailboxVoicemailOptions> options, TimeProvider time)
    : IMailboxVoicemailReader
{
    private const int PageSize = 50;

    public async Task<IReadOnlyList<MailboxRead>> ReadAsync(IReadOnlyList<string> personIds, CancellationToken cancellationToken)
    {
        var query = new VoicemailMessageQuery(options.Value.VoicemailClasses);
        IReadOnlyDictionary<string, BatchAnswer<MessageCollectionResponse>> firstPages;
        try
        {
            firstPages = await GraphBatch.GetAsync<MessageCollectionResponse>(
                graph.Client, personIds, personId => Inbox(personId).ToGetRequestInformation(r => Ask(r, query)), time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The $batch call itself failed (after the SDK's own retries) or timed out: none of these inboxes was read this time.
            return [.. personIds.Select(id => MailboxRead.Failed(id, (ex as ApiException)?.ResponseStatusCode, (ex as ODataError)?.Error?.Code))];
        }

        var reads = new List<MailboxRead>(firstPages.Count);
        foreach (var (personId, answer) in firstPages)
        {
            reads.Add(answer.Status == HttpStatusCode.OK
                ? await CollectAsync(personId, answer.Body, query, cancellationToken).ConfigureAwait(false)
                : MailboxRead.Failed(personId, (int)answer.Status, answer.ErrorCode));
        }

        return reads;
    }

    private async Task<MailboxRead> CollectAsync(string personId, MessageCollectionResponse? page, VoicemailMessageQuery query, CancellationToken cancellationToken)
    {
        var unread = new List<MailboxVoicemail>();
        while (page is not null)
        {
            unread.AddRange((page.Value ?? []).Select(query.Read).OfType<MailboxVoicemail>());
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            try
            {
                page = await Inbox(personId).WithUrl(next).GetAsync(r => ImmutableIds(r.Headers), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Half a list is no list: what is missing from it must not be taken as heard.
                return MailboxRead.Failed(personId, (ex as ApiException)?.ResponseStatusCode, (ex as ODataError)?.Error?.Code);
            }
        }

        return MailboxRead.Complete(personId, unread);
    }

    private MessagesRequestBuilder Inbox(string personId) => graph.Client.Users[personId].MailFolders["inbox"].Messages;

    private static void Ask(RequestConfiguration<MessagesRequestBuilder.MessagesRequestBuilderGetQueryParameters> request, VoicemailMessageQuery query)
    {
        request.QueryParameters.Filter = query.Filter;
        request.QueryParameters.Select = [.. query.Select];
        request.QueryParameters.Expand = [.. query.Expand];
        request.QueryParameters.Top = PageSize;
        ImmutableIds(request.Headers);
    }

    private static void ImmutableIds(RequestHeaders headers) => headers.Add("Prefer", "IdType=\"ImmutableId\"");
}
