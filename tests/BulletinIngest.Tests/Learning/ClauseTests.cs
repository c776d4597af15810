using BulletinIngest.Learning;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Learning;

public class ClauseTests
{
    private static DocumentText Document(params (BlockKind Kind, string Text)[] blocks)
    {
        var builder = new DocumentTextBuilder("txt");
        foreach (var (kind, text) in blocks) builder.Add(kind, text);
        return builder.Build();
    }

    [Fact]
    public void Clauses_are_split_at_sentence_ends_keep_their_heading_and_offsets_and_list_numbers_do_not_count()
    {
        var document = Document(
            (BlockKind.Paragraph, "【工作进度】"),
            (BlockKind.Paragraph, "（一）省级重点民生实事"),
            (BlockKind.Paragraph, "（3）统筹推进城乡就业。城镇新增就业 2230 人,完成全年任务的 37.17%;稳定脱贫人口务工人数 9623 人。"),
            (BlockKind.Paragraph, "【工作要闻】"),
            (BlockKind.Paragraph, "3月27日,调研组来到本市。会议强调要压实任务。"),
            (BlockKind.TableRow, "1\t省实事\t城市低保标准\t700\t100%"));
        var clauses = ClauseSplitter.Split(document);

        Assert.Equal(
        [
            "城镇新增就业 2230 人,完成全年任务的 37.17%;",
            "稳定脱贫人口务工人数 9623 人。",
            "3月27日,调研组来到本市。",
            "1\t省实事\t城市低保标准\t700\t100%",
        ], clauses.Select(c => c.Text));
        Assert.Equal("【工作进度】 / （一）省级重点民生实事", clauses[0].Heading);
        Assert.Equal("【工作要闻】", clauses[2].Heading);
        foreach (var clause in clauses) Assert.Equal(clause.Text, document.FullText[clause.Start..clause.End].Trim());
        Assert.False(ClauseSplitter.StatesNumber("（3）统筹推进城乡就业。"));
        Assert.True(ClauseSplitter.StartsItem("（3）统筹推进城乡就业。"));
    }

    [Fact]
    public void Numbers_are_read_as_written_and_scaled_with_PDF_gaps_closed()
    {
        var values = NumberValues.In("家庭医生签约 17.14 万人次，已完成 5. 42 万亩，投资 1,200 元，９５％");
        foreach (double expected in new[] { 17.14, 171400, 5.42, 54200, 1200, 95 })
            Assert.True(NumberValues.Contains(values, expected), $"{expected} not in {string.Join(", ", values)}");
    }

    [Fact]
    public void Features_fold_numbers_and_see_units_headings_and_shape()
    {
        var features = ClauseFeatures.Extract("(2) 已完成 1200 台，完成全年任务的 35.14%。", "【工作进度】").ToHashSet();
        Assert.Contains("c2:成N", features);
        Assert.Contains("after1:台", features);
        Assert.Contains("h2:工作", features);
        Assert.Contains("item-start", features);
        Assert.Contains("percent", features);
        Assert.Contains("counted", features);
        Assert.DoesNotContain(features, f => f.StartsWith("c") && f[(f.IndexOf(':') + 1)..].Any(char.IsAsciiDigit));
    }

    [Fact]
    public void Labeled_corpus_gives_kept_progress_clauses_and_dropped_narrative_ones()
    {
        var clauses = ClauseTrainingSet.Build(LabeledCorpus.At(RepoPaths.Labels));
        Assert.Equal(5, clauses.Select(c => c.Doc).Distinct().Count());
        Assert.Contains(clauses, c => c.Keep && c.Clause.Text.StartsWith("城镇新增就业 2230 人"));
        Assert.Contains(clauses, c => !c.Keep && c.Clause.Text.Contains("发布新闻报道 99 篇"));
        // Both copies of a figure stated in two lists of one bulletin are sources.
        Assert.True(clauses.Count(c => c.Keep && c.Clause.Text.Contains("职业技能培训 299 人")) >= 2);
        Assert.InRange(clauses.Count(c => c.Keep), clauses.Count / 2, clauses.Count - 30);
    }

    [Fact]
    public void An_analyst_decision_overrides_the_derived_label_and_adds_outside_clauses()
    {
        using var temp = new TempFolder();
        string labels = Directory.CreateDirectory(temp.File("labels")).FullName;
        foreach (var file in new[] { "documents.jsonl", "figures.jsonl" }) File.Copy(Path.Combine(RepoPaths.Labels, file), Path.Combine(labels, file));
        var corpus = LabeledCorpus.At(labels, Path.Combine(RepoPaths.Bulletins, "txt"));
        var before = ClauseTrainingSet.Build(corpus);
        var target = before.First(c => c.Keep && c.Clause.Text.StartsWith("城镇新增就业 2230 人"));

        AnalystLabels.RecordClause(corpus, target.Doc, target.Clause.Heading, target.Clause.Text, keep: false, "test");
        AnalystLabels.RecordClause(corpus, "other.txt", "【部门动态】", "组织招聘会 3 场，到场 5000 人。", keep: false, "test");
        var after = ClauseTrainingSet.Build(corpus);

        Assert.False(after.Single(c => c.Doc == target.Doc && c.Clause.Text == target.Clause.Text).Keep);
        Assert.Equal("analyst", after.Single(c => c.Doc == "other.txt").Source);
        Assert.Equal(before.Count + 1, after.Count);
    }

    [Fact]
    public void The_clause_classifier_learns_the_corpus_trains_reproducibly_and_its_shipped_file_loads()
    {
        var clauses = ClauseTrainingSet.Build(LabeledCorpus.At(RepoPaths.Labels));
        var model = ClauseClassifier.Train(clauses).Model;
        Assert.Equal(model.ToBytes(), ClauseClassifier.Train(clauses).Model.ToBytes());
        var classifier = new ClauseClassifier(model);
        double trainingAccuracy = clauses.Average(c => classifier.Predict(c.Clause.Text, c.Clause.Heading).Keep == c.Keep ? 1.0 : 0.0);
        Assert.True(trainingAccuracy > 0.9, $"training accuracy {trainingAccuracy}");

        var shipped = ClauseClassifier.Load(Path.Combine(RepoPaths.Root, "models", ClauseClassifier.FileName));
        Assert.StartsWith("clause-1.", shipped.Version);
        var decision = shipped.Predict("已完成 1386 人，完成全年任务的 23.1%。", "【工作进度】 / （一）省级十大重点民生实事");
        Assert.InRange(decision.Confidence, 0.5, 1.0);
        Assert.Equal(decision.Keep, decision.KeepProbability >= 0.5);
    }
}
