namespace PresenceBot.GraphStandIn.Presence;

/// <summary>The body of <c>POST /users/{id}/presence/setStatusMessage</c>: <c>{"statusMessage":{…}}</c>.</summary>
internal sealed record SetStatusMessageRequest(StatusMessageDraft? StatusMessage);
