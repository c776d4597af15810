using BulletinIngest.Learning;

namespace BulletinIngest.Tests.Learning;

public class FoldsTests
{
    [Fact]
    public void Stratified_folds_cover_every_example_once_and_spread_each_class()
    {
        string[] labels = [.. Enumerable.Repeat("a", 10), .. Enumerable.Repeat("b", 5), "c", "c"];
        var folds = Folds.StratifiedKFold(labels, 5, seed: 1);
        Assert.Equal(5, folds.Count);
        Assert.Equal(Enumerable.Range(0, labels.Length), folds.SelectMany(f => f).Order());
        Assert.All(folds, fold => Assert.Equal(2, fold.Count(i => labels[i] == "a")));
        Assert.All(folds, fold => Assert.Equal(1, fold.Count(i => labels[i] == "b")));
        Assert.Equal(folds, Folds.StratifiedKFold(labels, 5, seed: 1));
    }

    [Fact]
    public void Leave_one_group_out_holds_each_group_out_once()
    {
        var folds = Folds.LeaveOneGroupOut(["d2", "d1", "d2", "d3"]);
        Assert.Equal([[1], [0, 2], [3]], folds);
    }

    [Fact]
    public void The_report_counts_precision_recall_and_confusions()
    {
        var report = new ClassificationReport();
        foreach (var (gold, predicted) in new[] { ("keep", "keep"), ("keep", "drop"), ("drop", "keep"), ("drop", "drop"), ("keep", "keep") })
            report.Add(gold, predicted);
        Assert.Equal(2.0 / 3, report.Precision("keep"), 9);
        Assert.Equal(2.0 / 3, report.Recall("keep"), 9);
        Assert.Equal(0.6, report.Accuracy, 9);
        Assert.Equal(2, report.TopConfusions(5).Count);
    }
}
