namespace KtEvents.Data.Migrations;

/// <summary>A migration could not be applied, or an applied one no longer matches its script.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
