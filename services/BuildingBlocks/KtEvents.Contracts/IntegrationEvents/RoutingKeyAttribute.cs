namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>
/// The routing key of an integration event on the <c>kt.events</c> topic exchange:
/// <c>&lt;publishing service&gt;.&lt;event in kebab case&gt;</c>, e.g. <c>participation.participant-registered</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RoutingKeyAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}
