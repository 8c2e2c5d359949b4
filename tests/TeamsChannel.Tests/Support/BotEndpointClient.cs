using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>Posts to <c>/api/messages</c> as the Bot Framework does, with or without its token.</summary>
public static class BotEndpointClient
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(HttpClient client, string body, string? token, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0 ? JsonNode.Parse(text) : null);
    }
}
