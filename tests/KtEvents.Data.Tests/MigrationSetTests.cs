using KtEvents.Data.Migrations;

namespace KtEvents.Data.Tests;

public class MigrationSetTests
{
    [Theory]
    [InlineData("0001_create_users.sql", 1, "create_users")]
    [InlineData("12_add_index.sql", 12, "add_index")]
    public void File_names_give_version_and_name(string fileName, int version, string name)
    {
        var migration = MigrationSet.Parse(fileName, "SELECT 1;");

        Assert.Equal(version, migration.Version);
        Assert.Equal(name, migration.Name);
    }

    [Theory]
    [InlineData("create_users.sql")]
    [InlineData("0001-create-users.sql")]
    [InlineData("0001_Create Users.sql")]
    public void Badly_named_files_are_refused(string fileName)
    {
        var error = Assert.Throws<MigrationException>(() => MigrationSet.Parse(fileName, "SELECT 1;"));
        Assert.Contains("NNNN_description.sql", error.Message);
    }

    [Fact]
    public void Two_scripts_with_one_version_are_refused()
    {
        var error = Assert.Throws<MigrationException>(() => new MigrationSet("store", [new(3, "a", "SELECT 1;"), new(3, "b", "SELECT 2;")]));
        Assert.Contains("two migrations numbered 3", error.Message);
    }

    [Fact]
    public void Line_endings_do_not_change_the_checksum_but_content_does()
    {
        var lf = new Migration(1, "a", "CREATE TABLE t (id int);\nSELECT 1;\n");
        var crlf = new Migration(1, "a", "CREATE TABLE t (id int);\r\nSELECT 1;\r\n");
        var edited = new Migration(1, "a", "CREATE TABLE t (id bigint);\nSELECT 1;\n");

        Assert.Equal(lf.Checksum, crlf.Checksum);
        Assert.NotEqual(lf.Checksum, edited.Checksum);
        Assert.Equal(64, lf.Checksum.Length);
    }
}
