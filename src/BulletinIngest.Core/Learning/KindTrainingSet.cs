using System.Text.Json;
using System.Text.Json.Nodes;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Learning;

/// <summary>One labelled document's kind and its evidence (<see cref="KindEvidence.Measure"/>); Set is its fold in leave-set-out.</summary>
public sealed record KindExample(string Set, string Doc, string Kind, double[] Values);

/// <summary>
/// Every labelled document's kind, read as the extractor reads it (normalized view, without noise): the samples,
/// corpus/dev, test and blind, the real study half, the grown sets (each its own set GA, GB, … for leave-set-out), and
/// the spec cases (tests/specs/metadata and tests/specs/kinds: a case's lines are a document). Never the measure half
/// nor the fresh set: they are what the model is measured on.
/// </summary>
public static class KindTrainingSet
{
    public const string SpecSet = "specs";

    /// <summary>The spec cases that state a kind: the metadata cases, and the kind cases (a document's lines → its kind).</summary>
    public static readonly string[] SpecFolders = ["tests/specs/metadata", "tests/specs/kinds"];

    private sealed record Source(string Set, string Labels, string Docs, Func<string, bool>? Keep = null);

    public static List<KindExample> Build(string repo, KindEvidence evidence)
    {
        var study = File.ReadLines(Path.Combine(repo, "corpus/real/split.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(p => p.Length >= 2 && p[1].Trim() == "study").Select(p => p[0].Trim()).ToHashSet();
        var sources = new List<Source>
        {
            new("samples", "corpus/labels/documents.jsonl", "corpus/bulletins/txt"),
            new("dev", "corpus/dev/labels/documents.jsonl", "corpus/dev/bulletins"),
            new("test", "corpus/test/labels/documents.jsonl", "corpus/test/bulletins"),
            new("blind", "corpus/blind/labels/documents.jsonl", "corpus/blind/bulletins"),
            new("study", "corpus/real/documents.jsonl", "corpus/real/docs", study.Contains),
        };
        string grown = Path.Combine(repo, "corpus/real/grown");
        if (Directory.Exists(grown))
            foreach (var labels in Directory.GetFiles(grown, "documents-*.jsonl").Order(StringComparer.Ordinal))
                sources.Add(new("grown", Path.GetRelativePath(repo, labels), "corpus/real/grown/docs"));

        var examples = new List<KindExample>();
        foreach (var source in sources)
        {
            string labels = Path.Combine(repo, source.Labels);
            if (!File.Exists(labels)) continue;
            foreach (var line in File.ReadLines(labels).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                var doc = JsonSerializer.Deserialize<LabeledDocument>(line)!;
                string path = Path.Combine(repo, source.Docs, doc.Doc);
                if (doc.Kind is not ("plan" or "bulletin") || !File.Exists(path) || source.Keep?.Invoke(doc.Doc) == false) continue;
                // A grown document's set is its file name's letters (GQ07 → GQ): a first contact leaves a whole set out.
                string set = source.Set == "grown" ? new string(doc.Doc.TakeWhile(char.IsAsciiLetter).ToArray()) : source.Set;
                examples.Add(new(set, doc.Doc, doc.Kind, Measure(new TxtReader().Read(File.ReadAllBytes(path)), evidence)));
            }
        }
        foreach (var specs in SpecFolders) examples.AddRange(FromSpecs(Path.Combine(repo, specs), evidence));
        return examples;
    }

    /// <summary>A document's evidence as <see cref="MetadataReader"/> gives it to the kind model.</summary>
    public static double[] Measure(DocumentText document, KindEvidence evidence)
    {
        var (head, text) = MetadataReader.KindInput(NormalizedView.Of(document).Normalized.WithoutNoise());
        return evidence.Measure(head, text);
    }

    /// <summary>The spec cases with a kind, each case's lines a document (as MetadataSpecTests and KindModelTests read them).</summary>
    public static IEnumerable<KindExample> FromSpecs(string folder, KindEvidence evidence)
    {
        foreach (var spec in SpecCases.Read(folder))
        {
            string? kind = spec.Row["kind"]?.GetValue<string>();
            if (kind is not ("plan" or "bulletin")) continue;
            var builder = new DocumentTextBuilder("txt");
            foreach (var text in spec.Row["lines"]!.AsArray().Select(l => l!.GetValue<string>()))
                builder.Add(text.Contains('\t') ? BlockKind.TableRow : BlockKind.Paragraph, text);
            yield return new(SpecSet, spec.Id, kind, Measure(builder.Build(), evidence));
        }
    }

    /// <summary>
    /// Each example's kind predicted by a model trained without its fold: without the document itself
    /// (leave-one-document-out) or without its whole set (leave-set-out). Spec cases always train: they are rules
    /// written down, not documents to score.
    /// </summary>
    public static List<(KindExample Example, double PlanProbability)> CrossFitted(IReadOnlyList<KindExample> examples, KindEvidence evidence, bool bySet)
    {
        var folds = examples.Where(e => e.Set != SpecSet).Select(e => bySet ? e.Set : e.Set + "/" + e.Doc).Distinct().Order(StringComparer.Ordinal).ToList();
        var predicted = new List<(KindExample, double)>();
        foreach (var fold in folds)
        {
            bool Held(KindExample e) => e.Set != SpecSet && (bySet ? e.Set : e.Set + "/" + e.Doc) == fold;
            var model = KindModel.Train(examples.Where(e => !Held(e)).ToList(), evidence);
            predicted.AddRange(examples.Where(Held).Select(e => (e, model.PlanProbability(e.Values))));
        }
        return predicted;
    }
}
