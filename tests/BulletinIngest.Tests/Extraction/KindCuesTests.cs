using BulletinIngest.Extraction.Metadata;

namespace BulletinIngest.Tests.Extraction;

/// <summary>The cues of models/rules/kind-cues.tsv: each example matches its own cue; the spec cases of the document's
/// kind are in tests/specs/metadata/region-and-kind.jsonl (MetadataSpecTests).</summary>
public class KindCuesTests
{
    private static KindEvidence Cues() => KindEvidence.Load(Path.Combine(RepoPaths.Root, "models", KindEvidence.FileName));

    [Fact]
    public void Each_example_matches_its_cue()
    {
        var cues = Cues();
        Assert.Contains(cues.Cues, c => c.Kind == "plan");
        Assert.Contains(cues.Cues, c => c.Kind == "bulletin");
        foreach (var cue in cues.Cues)
            Assert.True(cue.Pattern.IsMatch(cue.Example), $"{cue.Name}: its example does not match: {cue.Example}");
    }

    [Fact]
    public void Silence_is_a_bulletin_and_the_evidence_says_so()
    {
        var (kind, evidence) = Cues().Decide(["民生实事"], "一、新建幼儿园10所。");
        Assert.Equal("bulletin", kind);
        Assert.Contains("no cue", evidence);
    }

    [Fact]
    public void A_plan_quoted_in_the_text_says_nothing_about_the_document()
    {
        var (kind, _) = Cues().Decide(["民生实事推进情况"], "按照《2024年民生实事项目实施方案》，截至6月底已完成投资3亿元。");
        Assert.Equal("bulletin", kind);
    }
}
