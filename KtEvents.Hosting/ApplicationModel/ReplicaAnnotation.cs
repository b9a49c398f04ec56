namespace KtEvents.Hosting.ApplicationModel;

public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;
