using System.Text.Json.Nodes;
using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Learning;
using BulletinIngest.Tests.Extraction;

namespace BulletinIngest.Tests.Learning;

/// <summary>
/// The document's kind (plan or bulletin) from the whole document: the cues of models/rules/kind-cues.tsv, the learned
/// weights of models/kind.model (reproducible from today's labels), and the kind spec cases (tests/specs/kinds/*.jsonl;
/// the metadata spec cases, tests/specs/metadata, state a kind too: MetadataSpecTests).
/// </summary>
public class KindModelTests
{
    private static KindEvidence Cues() => KindEvidence.Load(Path.Combine(RepoPaths.Root, "models", KindEvidence.FileName));

    [Fact]
    public void Each_example_matches_its_cue_and_each_where_is_used()
    {
        var cues = Cues();
        foreach (var cue in cues.Cues)
            Assert.True(cue.Pattern.IsMatch(cue.Example), $"{cue.Name}: its example does not match: {cue.Example}");
        Assert.Equal(["before", "clause", "quoted", "text", "title"], cues.Cues.Select(c => c.Where).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Clause_cues_are_shares_of_the_number_bearing_clauses_and_quotes_are_left_out()
    {
        var cues = Cues();
        int done = cues.Cues.ToList().FindIndex(c => c.Name == "done-clause"), quoted = cues.Cues.ToList().FindIndex(c => c.Name == "quoted-plan");
        // Two clauses hold a number, one of them reports it done; the clause without a number (已部署) is not counted.
        var values = cues.Measure(["民生实事推进情况"], "各地已部署，新建幼儿园10所，已完成改造300户。");
        Assert.Equal(0.5, values[done], 6);
        Assert.Equal(0, values[quoted]);
        values = cues.Measure(["民生实事推进情况"], "按照《2024年民生实事实施方案》，已完成投资3亿元。");
        Assert.Equal(1, values[quoted]);
        Assert.Equal(1, values[done], 6);
    }

    [Fact]
    public void Training_twice_gives_byte_identical_files_and_the_shipped_model_is_that_file()
    {
        var evidence = Cues();
        var examples = KindTrainingSet.Build(RepoPaths.Root, evidence);
        Assert.True(examples.Count(e => e.Kind == "plan") >= 30, "too few labelled plans");
        var first = KindModel.Train(examples, evidence).Linear.ToBytes();
        Assert.Equal(first, KindModel.Train(examples, evidence).Linear.ToBytes());
        Assert.True(first.SequenceEqual(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "models", KindModel.FileName))),
            "models/kind.model is not what today's labels, cues and spec cases train: run `./bulletin train --kind`");
    }

    [Fact]
    public void The_evidence_names_the_cues_that_decided()
    {
        var (kind, evidence, uncertain) = KindModel.Default.Decide(["2024年民生实事项目实施方案"], "一、今年将新建幼儿园10所，力争年底前全部投用。");
        Assert.False(uncertain);
        Assert.Equal("plan", kind);
        Assert.StartsWith("P(plan) ", evidence);
        Assert.Contains("title:plan-title=1 plan", evidence);
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "specs", "kinds"), "*.jsonl").Order())
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
                data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_the_kind_as_the_spec_says(string spec)
    {
        var row = JsonNode.Parse(spec)!.AsObject();
        var lines = row["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
        var metadata = new BulletinExtractor().Extract(Synthetic.Document(lines), "spec.txt").Metadata;
        Assert.True(row["kind"]!.GetValue<string>() == metadata.Kind, $"{row["case"]}: read as {metadata.Kind} ({metadata.KindEvidence})");
    }

    public static TheoryData<string> UncertainCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "specs", "kind-uncertain"), "*.jsonl").Order())
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
                data.Add(line);
        return data;
    }

    /// <summary>
    /// tests/specs/kind-uncertain: a document's lines → the kind it is read as, and whether P(plan) was uncertain (then a
    /// warning says so and what was done). Not training data: they state no labelled kind, only what the policy does.
    /// </summary>
    [Theory]
    [MemberData(nameof(UncertainCases))]
    public void An_uncertain_kind_is_read_as_the_likelier_one_and_said(string spec)
    {
        var row = JsonNode.Parse(spec)!.AsObject();
        var lines = row["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
        var metadata = new BulletinExtractor().Extract(Synthetic.Document(lines), "spec.txt").Metadata;
        bool uncertain = row["uncertain"]!.GetValue<bool>();
        string because = $"{row["case"]}: read as {metadata.Kind} ({metadata.KindEvidence})";
        Assert.True(row["read_as"]!.GetValue<string>() == metadata.Kind, because);
        Assert.True(uncertain == metadata.KindUncertain, because);
        var warning = metadata.Warnings.SingleOrDefault(w => w.StartsWith(KindDecision.WarningPrefix, StringComparison.Ordinal));
        Assert.True(uncertain == (warning is not null), because);
        if (warning is not null) Assert.Contains($"read as {metadata.Kind}", warning);
    }
}
