using System.Security.Cryptography;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>Keys from one successful JWKS fetch, replaced as a whole so readers need no lock.</summary>
internal sealed record CachedKeySet(Dictionary<string, ECDsa> ById, DateTimeOffset FetchedAt);
