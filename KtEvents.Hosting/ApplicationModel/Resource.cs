namespace KtEvents.Hosting.ApplicationModel;

public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ResourceNames.Validate(name);
        Name = name;
    }

    public string Name { get; }

    public List<IResourceAnnotation> Annotations { get; } = [];

    public IEnumerable<T> AnnotationsOf<T>() where T : IResourceAnnotation => Annotations.OfType<T>();

    public override string ToString() => Name;
}
