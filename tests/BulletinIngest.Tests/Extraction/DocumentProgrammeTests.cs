using BulletinIngest.Extraction.Assembly;
using BulletinIngest.Learning;

namespace BulletinIngest.Tests.Extraction;

/// <summary>
/// The programme a document reports on (Assembly/DocumentProgramme, nouns in models/rules/programme-nouns.tsv): the
/// name ending in a programme noun the text repeats most, as far left as its mentions agree, whole words only.
/// </summary>
public class DocumentProgrammeTests
{
    [Fact]
    public void Each_example_ends_in_its_noun_and_is_found_when_named_twice()
    {
        var rows = TsvFile.Read(Path.Combine(RepoPaths.Root, "models", DocumentProgramme.FileName));
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.EndsWith(row["noun"], row["example"]);
            Assert.Equal(row["example"], DocumentProgramme.Of($"今年全力推进{row["example"]}，加快{row["example"]}建设进度。", null));
        }
    }

    [Theory]
    // Mentions that agree only inside a word (省级/市级) share the whole words after it.
    [InlineData("省级重点项目完成投资50亿元，市级重点项目完成投资20亿元。", "重点项目")]
    // A date before the name is no part of it.
    [InlineData("2023年3月份暖民心行动进展：2023年3月份暖民心行动新增牙椅2台。", "暖民心行动")]
    // Only a verb before the noun (改造工程) is a kind of work, not a programme's name.
    [InlineData("今年改造工程开工，去年改造工程完工。", null)]
    // Named once: no programme.
    [InlineData("游牧民定居工程已全部开工。", null)]
    public void The_programme_is_the_repeated_name_without_what_names_nothing(string text, string? programme) =>
        Assert.Equal(programme, DocumentProgramme.Of(text, null));
}
