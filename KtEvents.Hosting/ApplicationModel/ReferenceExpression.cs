using System.Runtime.CompilerServices;
using System.Text;

namespace KtEvents.Hosting.ApplicationModel;

/// <summary>
/// A string made of literal text and references to other resources' values, written as an
/// interpolated string: <c>ReferenceExpression.Create($"{server};Database={databaseName}")</c>.
/// Strings interpolated into it are literals; <see cref="IManifestExpressionProvider"/>s stay
/// references, rendered as manifest placeholders (<c>{postgres.connectionString};Database=eventdb</c>)
/// in publish mode and resolved to real values in run mode.
/// </summary>
public sealed class ReferenceExpression : IManifestExpressionProvider
{
    private ReferenceExpression(IReadOnlyList<object> parts) => Parts = parts;

    /// <summary>Each part is a literal <see cref="string"/> or an <see cref="IManifestExpressionProvider"/>.</summary>
    public IReadOnlyList<object> Parts { get; }

    public IEnumerable<IManifestExpressionProvider> References => Parts.OfType<IManifestExpressionProvider>();

    public string ValueExpression
    {
        get
        {
            var text = new StringBuilder();
            foreach (var part in Parts)
            {
                text.Append(part is IManifestExpressionProvider reference ? reference.ValueExpression : (string)part);
            }
            return text.ToString();
        }
    }

    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => new(handler.Build());

    [InterpolatedStringHandler]
    public ref struct ExpressionInterpolatedStringHandler
    {
        private readonly List<object> parts;

        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount) => parts = new(formattedCount * 2 + 1);

        public readonly void AppendLiteral(string value) => parts.Add(value);

        public readonly void AppendFormatted(string? value) => parts.Add(value ?? "");

        public readonly void AppendFormatted(int value) => parts.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public readonly void AppendFormatted(IManifestExpressionProvider value) => parts.Add(value);

        public readonly void AppendFormatted<T>(IResourceBuilder<T> value) where T : IManifestExpressionProvider, IResource =>
            parts.Add(value.Resource);

        internal readonly List<object> Build() => parts;
    }
}
