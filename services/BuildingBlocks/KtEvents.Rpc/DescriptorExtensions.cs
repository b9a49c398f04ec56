using Google.Protobuf.Reflection;

namespace KtEvents.Rpc;

public static class DescriptorExtensions
{
    /// <summary>
    /// The service named <paramref name="name"/> (without package) in a generated file descriptor, e.g.
    /// <c>EventReflection.Descriptor.GetService("EventService")</c>; a wrong name fails at once, naming
    /// the services the file does declare.
    /// </summary>
    public static ServiceDescriptor GetService(this FileDescriptor file, string name) =>
        file.Services.FirstOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException(
            $"{file.Name} declares no service '{name}'; it declares: {string.Join(", ", file.Services.Select(s => s.Name))}.");
}
