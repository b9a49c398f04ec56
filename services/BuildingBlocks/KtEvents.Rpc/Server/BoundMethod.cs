using System.Reflection;

using Google.Protobuf.Reflection;

namespace KtEvents.Rpc.Server;

/// <summary>An rpc of the descriptor paired with the method that implements it.</summary>
internal sealed record BoundMethod(MethodDescriptor Rpc, MethodInfo Implementation, IServerMethodInvoker Invoker)
{
    public string Path => $"/{Rpc.Service.FullName}/{Rpc.Name}";
}
