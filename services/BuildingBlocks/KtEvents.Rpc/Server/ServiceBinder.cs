using System.Reflection;

using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace KtEvents.Rpc.Server;

/// <summary>
/// Pairs every rpc of a service descriptor with a public method of the implementing class of the same
/// name, <c>Task&lt;TResponse&gt; Rpc(TRequest, ServerCallContext)</c>, and fails, naming the rpc, if
/// one is missing or has the wrong shape. This runs at startup, so a gap is never found by a caller.
/// </summary>
internal static class ServiceBinder
{
    public static IReadOnlyList<BoundMethod> Bind(Type serviceType, ServiceDescriptor service)
    {
        var bound = new List<BoundMethod>();
        foreach (var rpc in service.Methods)
        {
            var name = $"{service.FullName}/{rpc.Name}";
            if (rpc.IsClientStreaming || rpc.IsServerStreaming)
            {
                throw new InvalidOperationException($"rpc {name} streams; KtEvents.Rpc serves unary rpcs only.");
            }

            var expected = $"public Task<{rpc.OutputType.Name}> {rpc.Name}({rpc.InputType.Name} request, ServerCallContext context)";
            var candidates = serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == rpc.Name)
                .ToList();
            if (candidates.Count == 0)
            {
                throw new InvalidOperationException(
                    $"{serviceType.Name} does not implement rpc {name}: add {expected}.");
            }

            var implementation = candidates.FirstOrDefault(m => Matches(m, rpc))
                ?? throw new InvalidOperationException(
                    $"{serviceType.Name}.{rpc.Name} does not match rpc {name}: expected {expected}.");

            var invokerType = typeof(ServiceMethodInvoker<,,>).MakeGenericType(
                serviceType, implementation.GetParameters()[0].ParameterType, implementation.ReturnType.GenericTypeArguments[0]);
            var invoker = (IServerMethodInvoker)Activator.CreateInstance(invokerType, implementation)!;
            bound.Add(new BoundMethod(rpc, implementation, invoker));
        }

        return bound;
    }

    private static bool Matches(MethodInfo method, MethodDescriptor rpc)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 2
            && parameters[1].ParameterType == typeof(ServerCallContext)
            && MessageName(parameters[0].ParameterType) == rpc.InputType.FullName
            && method.ReturnType.IsGenericType
            && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            && MessageName(method.ReturnType.GenericTypeArguments[0]) == rpc.OutputType.FullName;
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
