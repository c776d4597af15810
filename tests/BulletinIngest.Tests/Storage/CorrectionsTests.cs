using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Tests.Storage;

/// <summary>
/// Corrections through the real `bulletin` process on a real sample bulletin: they change the figures, `show`
/// lists them, and they survive `ingest` of the same file, of a changed file, and into a new database (from corrections.tsv).
/// </summary>
public sealed class CorrectionsTests : IDisposable
{
    private const string Sample = "002_9e5b1a39eb6826af.txt";
    private readonly TempFolder _temp = new();
    private readonly string _file, _db;

    public CorrectionsTests()
    {
        Directory.CreateDirectory(_temp.File("archive"));
        Directory.CreateDirectory(_temp.File("data"));
        _file = _temp.File(Path.Combine("archive", Sample));
        File.Copy(RepoPaths.Bulletin(Path.Combine("txt", Sample)), _file);
        _db = _temp.File(Path.Combine("data", "b.db"));
        Ingest();
    }

    public void Dispose() => _temp.Dispose();

    private string Ingest()
    {
        var ingest = CliProcess.Run("ingest", _file, "--db", _db, "--in-process");
        Assert.True(ingest.ExitCode == 0, ingest.Output + ingest.Error);
        return ingest.Output;
    }

    private CliProcess.Result Bulletin(params string[] arguments)
    {
        var result = CliProcess.Run([.. arguments, "--db", _db]);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return result;
    }

    private T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T));
    }

    private long FigureOf(string indicator) => Scalar<long>($"SELECT id FROM figures WHERE indicator = '{indicator}'");

    [Fact]
    public void A_correction_survives_ingest_of_the_same_file_and_of_a_changed_file()
    {
        long rural = FigureOf("农村低保标准"), orphans = FigureOf("提高散居孤儿基本生活最低保障");
        Bulletin("correct", rural.ToString(), "--actual", "5000", "--region", "湘潭市", "--why", "the PDF says 5000", "--by", "anna");
        Bulletin("correct", orphans.ToString(), "--percent", "90", "--by", "anna");
        Bulletin("correct", FigureOf("残疾人\"两项补贴\"").ToString(), "--drop", "--by", "ben");
        Assert.Equal(5000, Scalar<double>($"SELECT actual FROM figures WHERE id = {rural}"));
        Assert.Equal("analyst", Scalar<string>($"SELECT decided_by FROM figures WHERE id = {rural}"));

        var show = Bulletin("show", rural.ToString()).Output;
        Assert.Contains("corrected  actual: 5520 → 5000   by anna", show);
        Assert.Contains("the PDF says 5000", show);
        Assert.Contains("corrected  region: 湘乡市 → 湘潭市", show);

        // corrections.tsv beside the database, not in the current folder.
        string tsv = _temp.File(Path.Combine("data", "corrections.tsv"));
        Assert.Equal(4, File.ReadLines(tsv).Count(l => !l.StartsWith('#')) - 1);

        // The same file again: nothing is re-read, the corrections stay.
        Assert.Contains("4 corrections re-applied, 0 orphaned", Ingest());
        Assert.Equal(5000, Scalar<double>("SELECT actual FROM figures WHERE indicator = '农村低保标准'"));

        // A changed file (a line added above, the orphans' row removed): replaced, re-extracted, the corrections found again by their text.
        var lines = File.ReadAllLines(_file).ToList();
        lines.Insert(1, "（本期有更正）");
        File.WriteAllLines(_file, lines.Where(l => !l.Contains("提高散居孤儿基本生活最低保障")));
        string output = Ingest();
        Assert.Contains("replaced", output);
        Assert.Contains("3 corrections re-applied, 1 orphaned", output);
        Assert.Contains("orphaned", output);
        Assert.Equal(5000, Scalar<double>("SELECT actual FROM figures WHERE indicator = '农村低保标准'"));
        Assert.Equal("湘潭市", Scalar<string>("SELECT region FROM figures WHERE indicator = '农村低保标准'"));
        Assert.Equal(0, Scalar<long>("SELECT count(*) FROM figures WHERE indicator LIKE '残疾人%两项补贴%'"));
        Assert.Equal(1, Scalar<long>("SELECT count(*) FROM corrections WHERE status = 'orphaned' AND field = 'percent'"));
        var orphaned = Bulletin("corrections", "--orphaned", "--format", "jsonl").Output.Trim().Split('\n');
        Assert.Equal("90", JsonDocument.Parse(Assert.Single(orphaned)).RootElement.GetProperty("new_value").GetString());

        // A database built afresh takes the corrections from corrections.tsv.
        File.Delete(_db);
        Assert.Contains("3 corrections re-applied, 1 orphaned", Ingest());
        Assert.Equal(5000, Scalar<double>("SELECT actual FROM figures WHERE indicator = '农村低保标准'"));
    }

    [Fact]
    public void A_missed_figure_is_added_at_its_span_and_the_corrected_document_exports_as_gold_labels()
    {
        long rural = FigureOf("农村低保标准");
        int start = Scalar<int>($"SELECT start_offset FROM figures WHERE id = {rural}");
        Bulletin("correct", "--add", "--doc", "1", "--span", $"{start}-{start + 12}", "--region", "湘乡市", "--name", "补录项目",
            "--actual", "7", "--unit", "人", "--by", "anna");
        Assert.Equal(7, Scalar<double>("SELECT actual FROM figures WHERE indicator = '补录项目' AND decided_by = 'analyst'"));
        Ingest();
        Assert.Equal(1, Scalar<long>("SELECT count(*) FROM figures WHERE indicator = '补录项目'"));

        string gold = _temp.File("gold.jsonl");
        Bulletin("corrections", "--gold", "--out", gold);
        var labels = File.ReadAllLines(gold).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Scalar<long>("SELECT count(*) FROM figures"), labels.Count);
        var added = Assert.Single(labels, l => l.GetProperty("indicator").GetString() == "补录项目");
        Assert.Equal(Sample, added.GetProperty("doc").GetString());
        Assert.Equal(7, added.GetProperty("actual").GetDouble());
    }

    [Fact]
    public void Wrong_values_are_refused_as_usage_errors_and_change_nothing()
    {
        long rural = FigureOf("农村低保标准");
        foreach (var wrong in new[] { new[] { "--actual", "lots" }, ["--region", "不存在县"], ["--project", "no-such-project"] })
        {
            var result = CliProcess.Run(["correct", rural.ToString(), .. wrong, "--db", _db]);
            Assert.Equal(2, result.ExitCode);
        }
        Assert.Equal(0, Scalar<long>("SELECT count(*) FROM corrections"));
        Assert.False(File.Exists(_temp.File(Path.Combine("data", "corrections.tsv"))));
    }
}
