using System.Text.Json.Nodes;

namespace BulletinIngest.Tests.Extraction;

/// <summary>`bulletin text FILE --explain --format jsonl`: each figure and each number mention, used or with why not (a real process).</summary>
public class ExplainRecordsTests
{
    [Fact]
    public void Each_mention_says_which_figure_uses_it_or_why_none_does()
    {
        string folder = Directory.CreateTempSubdirectory("explain-records").FullName;
        try
        {
            string file = Path.Combine(folder, "湘潭市.txt");
            File.WriteAllText(file, "湘潭市民生实事进展情况\n截至9月底，全市新建农村公路120公里，完成年度任务的80%。\n云南将继续推出10件惠民实事。\n");
            var result = CliProcess.Run("text", file, "--explain", "--format", "jsonl");
            Assert.Equal(0, result.ExitCode);
            var records = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
            var figure = Assert.Single(records, r => r["record"]!.GetValue<string>() == "figure");
            Assert.Equal(120, figure["actual"]!.GetValue<double>());
            var mentions = records.Where(r => r["record"]!.GetValue<string>() == "mention").ToDictionary(r => r["text"]!.GetValue<string>());
            Assert.Equal(0, mentions["120公里"]["figure"]!.GetValue<int>());
            Assert.Equal(0, mentions["80%"]["figure"]!.GetValue<int>());
            Assert.Null(mentions["10件"]["figure"]);
            // the programme's size: the rejected list's sentence for this mention, not `unused`
            Assert.StartsWith("10件 in ", mentions["10件"]["reason"]!.GetValue<string>());
        }
        finally { Directory.Delete(folder, true); }
    }
}
