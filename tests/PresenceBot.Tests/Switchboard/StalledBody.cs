using System.Net;
using System.Net.Http.Headers;

namespace PresenceBot.Tests.Switchboard;

/// <summary>
/// A JSON body that declares <see cref="DeclaredLength"/> bytes, sends a first few and then waits until it is disposed:
/// a server that reads (or waits for) the body before answering never answers, so only a check made before the body is
/// read can.
/// </summary>
internal sealed class StalledBody(long declaredLength) : HttpContent
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long DeclaredLength { get; } = declaredLength;

    public static HttpRequestMessage Put(string path, long declaredLength, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StalledBody(declaredLength) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return request;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync("{\"reason\": \"meeting\", \"note\": \""u8.ToArray());
        await stream.FlushAsync();
        await _released.Task;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = DeclaredLength;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        _released.TrySetResult();
        base.Dispose(disposing);
    }
}
