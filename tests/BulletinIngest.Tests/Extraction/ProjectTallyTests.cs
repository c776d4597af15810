using BulletinIngest.Learning;

namespace BulletinIngest.Tests.Extraction;

/// <summary>
/// The programme's own tally (Extraction/Assembly/ProjectTally): its word file, and what happens to the mentions it
/// takes. The figures it makes are spec cases (tests/specs/roles/tallies.jsonl, run by <see cref="RoleSpecTests"/>).
/// </summary>
public class ProjectTallyTests
{
    [Fact]
    public void Each_row_of_the_word_file_has_an_example_that_holds_one_of_its_words()
    {
        var rows = TsvFile.Read(Path.Combine(RepoPaths.Root, "models", "rules", "project-tallies.tsv"));
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var words = row["words"].Split('|', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(words);
            Assert.Contains(words, w => row["example"].Contains(w, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_programmes_size_with_no_count_at_a_stage_is_rejected_with_its_reason_not_dropped_silently()
    {
        var result = Synthetic.Bulletin("河北省", "今年以来，我省大力实施20项民生工程，各项工作有序推进。");
        Assert.DoesNotContain(result.Figures, f => f.Actual == 20 || f.Target == 20);
        Assert.Contains(result.Rejected, r => r.Contains("20项", StringComparison.Ordinal) && r.Contains("ProjectTally", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tallys_numbers_make_no_second_figure_and_the_figure_keeps_its_sentence()
    {
        var result = Synthetic.Bulletin("会昌县", "截至10月底，65件民生实事已完成26件，完成率40%。");
        var figure = Assert.Single(result.Figures);
        Assert.Equal((65.0, 26.0, 40.0), (figure.Target!.Value, figure.Actual!.Value, figure.Percent!.Value));
        Assert.Contains("65件民生实事已完成26件", figure.Sentence, StringComparison.Ordinal);
        Assert.StartsWith("project tally", figure.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_plan_the_count_of_projects_is_left_to_the_plan_reading()
    {
        var result = Synthetic.Plan("大庆市", "今年要做的大事实事共65件，其中事关经济发展的21件。");
        Assert.DoesNotContain(result.Rejected, r => r.Contains("ProjectTally", StringComparison.Ordinal));
    }
}
