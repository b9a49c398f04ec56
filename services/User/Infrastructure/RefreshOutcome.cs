namespace KtEvents.User.Infrastructure;

/// <summary>What presenting a refresh token did.</summary>
public enum RefreshOutcome
{
    /// <summary>The token was live: it is revoked now and its replacement stored.</summary>
    Rotated,

    /// <summary>No such token, or it expired.</summary>
    Invalid,

    /// <summary>The token was revoked already: a copy is in someone's hands, so its whole family is revoked.</summary>
    Reused,
}
