using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PresenceBot.Tests;

/// <summary>Small helpers over HttpClient that return the status and the parsed JSON body.</summary>
public static class ApiClient
{
    public const string KimUpn = "kim.krona@lycksele.se";
    public const string KimId = "6f1c2a8e-3d4b-4c5e-9f60-7a8b9c0d1e2f";

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PutJsonAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PutRawAsync(this HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> DeleteJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.DeleteAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response));
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
