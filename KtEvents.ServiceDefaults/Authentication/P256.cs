using System.Security.Cryptography;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>The one curve ES256 uses (RFC 7518 §3.4): NIST P-256, 32-byte coordinates.</summary>
internal static class P256
{
    public const int CoordinateSize = 32;
    public const int SignatureSize = 2 * CoordinateSize;
    private const string Oid = "1.2.840.10045.3.1.7";

    public static bool Is(ECCurve curve) =>
        curve.IsNamed
        && (curve.Oid.Value == Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1");

    public static void EnsureKey(ECDsa key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (!Is(key.ExportParameters(false).Curve))
        {
            throw new ArgumentException("ES256 needs a NIST P-256 key.", parameterName);
        }
    }

    /// <summary>Imports a public key, or null when the coordinates are not a point on the curve.</summary>
    public static ECDsa? TryImportPublicKey(byte[] x, byte[] y)
    {
        if (x.Length != CoordinateSize || y.Length != CoordinateSize)
        {
            return null;
        }

        try
        {
            return ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = x, Y = y },
            });
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
