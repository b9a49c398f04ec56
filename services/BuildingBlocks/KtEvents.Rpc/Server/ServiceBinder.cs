using System.Reflection;

using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace KtEvents.Rpc.Server;

/// <summary>
/// Pairs every rpc of a service descriptor with a public method of the implementing class of the same
/// name and the shape its kind dictates, and fails, naming the rpc, if one is missing or has the wrong
/// shape (or the rpc streams requests, which KtEvents.Rpc does not serve):
/// unary <c>Task&lt;TResponse&gt; Rpc(TRequest, ServerCallContext)</c>,
/// server streaming <c>Task Rpc(TRequest, IServerStreamWriter&lt;TResponse&gt;, ServerCallContext)</c>.
/// This runs at startup, so a gap is never found by a caller.
/// </summary>
internal static class ServiceBinder
{
    public static IReadOnlyList<BoundMethod> Bind(Type serviceType, ServiceDescriptor service)
    {
        var bound = new List<BoundMethod>();
        foreach (var rpc in service.Methods)
        {
            var name = $"{service.FullName}/{rpc.Name}";
            if (rpc.IsClientStreaming)
            {
                throw new InvalidOperationException(
                    $"rpc {name} is {(rpc.IsServerStreaming ? "bidirectional" : "client")} streaming; "
                    + "KtEvents.Rpc serves unary and server-streaming rpcs only.");
            }

            var expected = rpc.IsServerStreaming
                ? $"public Task {rpc.Name}({rpc.InputType.Name} request, IServerStreamWriter<{rpc.OutputType.Name}> responseStream, ServerCallContext context)"
                : $"public Task<{rpc.OutputType.Name}> {rpc.Name}({rpc.InputType.Name} request, ServerCallContext context)";
            var candidates = serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == rpc.Name)
                .ToList();
            if (candidates.Count == 0)
            {
                throw new InvalidOperationException(
                    $"{serviceType.Name} does not implement rpc {name}: add {expected}.");
            }

            var implementation = candidates.FirstOrDefault(m => rpc.IsServerStreaming ? MatchesServerStreaming(m, rpc) : MatchesUnary(m, rpc))
                ?? throw new InvalidOperationException(
                    $"{serviceType.Name}.{rpc.Name} does not match {(rpc.IsServerStreaming ? "server-streaming " : "")}rpc {name}: expected {expected}.");

            var request = implementation.GetParameters()[0].ParameterType;
            var invoker = rpc.IsServerStreaming
                ? CreateInvoker(typeof(ServerStreamingMethodInvoker<,,>), serviceType, request,
                    implementation.GetParameters()[1].ParameterType.GenericTypeArguments[0], implementation)
                : CreateInvoker(typeof(UnaryMethodInvoker<,,>), serviceType, request,
                    implementation.ReturnType.GenericTypeArguments[0], implementation);
            bound.Add(new BoundMethod(rpc, implementation, invoker));
        }

        return bound;
    }

    private static IServerMethodInvoker CreateInvoker(Type invokerType, Type service, Type request, Type response, MethodInfo implementation) =>
        (IServerMethodInvoker)Activator.CreateInstance(invokerType.MakeGenericType(service, request, response), implementation)!;

    private static bool MatchesUnary(MethodInfo method, MethodDescriptor rpc)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 2
            && parameters[1].ParameterType == typeof(ServerCallContext)
            && MessageName(parameters[0].ParameterType) == rpc.InputType.FullName
            && method.ReturnType.IsGenericType
            && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            && MessageName(method.ReturnType.GenericTypeArguments[0]) == rpc.OutputType.FullName;
    }

    private static bool MatchesServerStreaming(MethodInfo method, MethodDescriptor rpc)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 3
            && parameters[2].ParameterType == typeof(ServerCallContext)
            && MessageName(parameters[0].ParameterType) == rpc.InputType.FullName
            && parameters[1].ParameterType.IsGenericType
            && parameters[1].ParameterType.GetGenericTypeDefinition() == typeof(IServerStreamWriter<>)
            && MessageName(parameters[1].ParameterType.GenericTypeArguments[0]) == rpc.OutputType.FullName
            && method.ReturnType == typeof(Task);
    }

    /// <summary>The protobuf full name of a generated message class; null for any other type.</summary>
    private static string? MessageName(Type type)
    {
        var isGeneratedMessage = type is { IsClass: true, IsAbstract: false }
            && type.GetInterfaces().Any(i => i.IsGenericType
                && i.GetGenericTypeDefinition() == typeof(IMessage<>) && i.GenericTypeArguments[0] == type)
            && type.GetConstructor(Type.EmptyTypes) is not null;
        return isGeneratedMessage ? ((IMessage)Activator.CreateInstance(type)!).Descriptor.FullName : null;
    }
}
