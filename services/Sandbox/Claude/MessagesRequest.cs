namespace KtEvents.Sandbox.Claude;

/// <summary>
/// What the double needs from a valid Messages request: the model to echo, the token budget, what
/// to answer (<see cref="ClaudeTool.Other"/> is a text answer) and the users' text to vary it by.
/// </summary>
public sealed record MessagesRequest(string Model, int MaxTokens, ClaudeTool Tool, string UserText);
