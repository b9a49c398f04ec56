namespace KtEvents.Dashboard.Resources;

/// <param name="Sequence">Increases by one per line across all resources, so a reader can resume after the last line it saw.</param>
public sealed record ConsoleLine(long Sequence, DateTimeOffset Timestamp, string Resource, string Text, bool IsError);
