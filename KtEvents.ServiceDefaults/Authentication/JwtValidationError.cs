namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>Why a token was rejected. Logged, never sent to the caller beyond "invalid_token".</summary>
public enum JwtValidationError
{
    /// <summary>Not three base64url segments of JSON objects, too long, or a claim of the wrong type.</summary>
    Malformed,

    /// <summary><c>alg</c> is anything but ES256 (none, HS256, RS256, ...).</summary>
    UnsupportedAlgorithm,

    /// <summary>A header we must not ignore: <c>crit</c>, or a <c>typ</c> that is not a JWT.</summary>
    UnsupportedHeader,

    /// <summary>No <c>kid</c> in the header.</summary>
    MissingKeyId,

    /// <summary>The <c>kid</c> is not in the issuer's JWKS, even after a permitted refresh.</summary>
    UnknownKey,

    /// <summary>The JWKS could not be fetched and no keys are cached.</summary>
    KeysUnavailable,

    /// <summary>The signature is not 64 bytes or does not verify.</summary>
    InvalidSignature,

    /// <summary><c>exp</c> is missing or in the past (beyond the clock skew).</summary>
    Expired,

    /// <summary><c>nbf</c> is in the future (beyond the clock skew).</summary>
    NotYetValid,

    /// <summary><c>iat</c> is in the future (beyond the clock skew).</summary>
    IssuedInFuture,

    /// <summary><c>iss</c> is missing or not the configured issuer.</summary>
    InvalidIssuer,

    /// <summary><c>aud</c> is missing or does not contain the configured audience.</summary>
    InvalidAudience,
}
