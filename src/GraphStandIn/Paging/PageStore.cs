using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace PresenceBot.GraphStandIn.Paging;

/// <summary>
/// Server-side state behind <c>$skiptoken</c> and <c>$deltatoken</c>. Tokens stay valid until
/// <see cref="ExpireDeltaTokens"/> (a test can then see 410 Gone and a full resync), like Graph's opaque tokens.
/// </summary>
internal sealed class PageStore
{
    public const int DefaultPageSize = 10;

    private readonly ConcurrentDictionary<string, PagedQuery> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeltaState> _deltas = new(StringComparer.Ordinal);

    public string SaveDelta(DeltaState state)
    {
        var token = NewToken();
        _deltas[token] = state;
        return token;
    }

    public DeltaState? FindDelta(string token) => _deltas.TryGetValue(token, out var state) ? state : null;

    public void ExpireDeltaTokens() => _deltas.Clear();

    public PagedQuery? FindPage(string token) => _pages.TryGetValue(token, out var page) ? page : null;

    /// <summary>The page at the query's offset, with a nextLink (and a stored next page) or the final deltaLink.</summary>
    public JsonObject Render(PagedQuery query, Uri baseUrl)
    {
        var value = new JsonArray([.. query.Items.Skip(query.Offset).Take(query.PageSize).Select(i => i.DeepClone())]);
        var page = new JsonObject
        {
            ["@odata.context"] = new Uri(baseUrl, query.Context).ToString(),
            ["value"] = value,
        };
        var next = query.Offset + query.PageSize;
        if (next < query.Items.Count)
        {
            var token = NewToken();
            _pages[token] = query with { Offset = next };
            page["@odata.nextLink"] = WithToken(new Uri(baseUrl, query.NextPath).ToString(), "$skiptoken", token);
        }
        else if (query.DeltaLink is not null)
        {
            page["@odata.deltaLink"] = query.DeltaLink;
        }

        return page;
    }

    /// <summary>Tokens are base64url, so they go into the URL as they are, like Graph's.</summary>
    public static string WithToken(string url, string name, string token) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + name + "=" + token;

    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
}
