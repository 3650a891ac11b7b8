using System.Security.Cryptography;
using System.Text;

namespace DigitalTwin.Silo.Security;

/// <summary>
/// Tells calls made inside the cluster from calls of external clients. Every grain call a silo makes (from a grain,
/// a timer, ingestion or the HTTP API, which checked its caller itself) carries a mark derived from the token key;
/// a client cannot make the mark without the key, and never sees it, because calls to clients are left unmarked.
/// </summary>
public sealed class SiloCallMark
{
    /// <summary>The request-context key the mark travels under.</summary>
    public const string RequestContextKey = "dt.silo";

    private readonly byte[] _mark;

    /// <summary>Derives the mark from the token key (silos sharing the key accept each other's calls).</summary>
    public SiloCallMark(byte[] tokenKey)
    {
        _mark = HMACSHA256.HashData(tokenKey, Encoding.UTF8.GetBytes("dt.silo-internal-call"));
        Value = Convert.ToBase64String(_mark);
    }

    /// <summary>The mark as it travels.</summary>
    public string Value { get; }

    /// <summary>Whether the current request context carries this cluster's mark.</summary>
    public bool IsPresent()
    {
        if (RequestContext.Get(RequestContextKey) is not string text || text.Length != Value.Length) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(text), Encoding.ASCII.GetBytes(Value));
    }
}
