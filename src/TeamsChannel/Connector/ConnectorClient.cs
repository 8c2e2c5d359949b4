using System.Net.Http.Json;
using PresenceBot.TeamsChannel.Activities;

namespace PresenceBot.TeamsChannel.Connector;

/// <summary>
/// The Bot Framework Connector REST API (v3) as far as the bot uses it. Retries and the bot's token
/// are added by the HttpClient's handlers (<see cref="TeamsBotSetup"/>), the token only for trusted service URLs.
/// </summary>
internal sealed class ConnectorClient(HttpClient http)
{
    /// <summary>Tells <see cref="ConnectorAuthenticationHandler"/> which service URL a request is for.</summary>
    public static readonly HttpRequestOptionsKey<string> ServiceUrlOption = new("PresenceBot.ServiceUrl");

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity, "reply", cancellationToken);

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, "send", cancellationToken);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, "update", cancellationToken);

    public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, "create conversation", cancellationToken);

    private async Task<ResourceResponse> SendAsync<TBody>(
        HttpMethod method, string serviceUrl, string path, TBody body, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri($"{serviceUrl.TrimEnd('/')}/{path}"))
        {
            Content = JsonContent.Create(body, options: ChannelJson.Options),
        };
        request.Options.Set(ServiceUrlOption, serviceUrl);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException(response.StatusCode, operation);
        }

        // Some answers (an update, the Emulator's) have no body: there is no id to give then.
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? new ResourceResponse() : System.Text.Json.JsonSerializer.Deserialize<ResourceResponse>(text, ChannelJson.Options) ?? new ResourceResponse();
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
