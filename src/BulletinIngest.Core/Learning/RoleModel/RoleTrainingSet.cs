using System.Text.Json;
using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Learning.RoleModel;

/// <summary>One number mention of a labelled document with the role its gold figures give it.</summary>
public sealed record LabeledMention(string Source, string Doc, Candidate Candidate, string Text, string Label, bool Loose)
{
    /// <summary>Every candidate of the mention's text unit (the neighbours its features read).</summary>
    public IReadOnlyList<Candidate> Unit { get; init; } = [Candidate];

    /// <summary>The heading of the section of the mention's unit.</summary>
    public string? Heading { get; init; }

    /// <summary>The document's path (its fold in cross-fitting).</summary>
    public string Path { get; init; } = "";

    /// <summary>Which gold figure of the document the mention's number was aligned to (-1: none); the grouping model's labels.</summary>
    public int Figure { get; init; } = -1;
}

/// <summary>
/// Mention labels (issue 10): every labelled document is read as the extractor reads it (normalized view,
/// metadata, outline); every number mention of every unit is a candidate (<see cref="CandidateFinder"/>).
/// Each gold figure's target, actual and percent (already in base units) is aligned to a candidate of the same
/// value, the one nearest the figure's name (its indicator, else its project, in the same sentence or unit);
/// that candidate is labelled target / actual / percent, every other candidate none.
/// </summary>
public static class RoleTrainingSet
{
    public static readonly string[] Labels = ["none", "target", "actual", "percent"];

    /// <summary>A labelled set: a name, the gold figures, and the folder of the documents' text.</summary>
    public sealed record Source(string Name, string Gold, string Docs, Func<string, bool>? Keep = null);

    /// <summary>The training documents of issue 10: samples, corpus/dev, the real study half, the grown set. Never the measure half.</summary>
    public static IReadOnlyList<Source> TrainingSources(string repo)
    {
        var study = File.ReadLines(Path.Combine(repo, "corpus/real/split.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(p => p.Length >= 2 && p[1].Trim() == "study").Select(p => p[0].Trim()).ToHashSet();
        var sources = new List<Source>
        {
            new("samples", Path.Combine(repo, "corpus/labels/figures.jsonl"), Path.Combine(repo, "corpus/bulletins/txt")),
            new("dev", Path.Combine(repo, "corpus/dev/labels/figures.jsonl"), Path.Combine(repo, "corpus/dev/bulletins")),
            new("study", Path.Combine(repo, "corpus/real/gold.jsonl"), Path.Combine(repo, "corpus/real/docs"), study.Contains),
        };
        string grown = Path.Combine(repo, "corpus/real/grown");
        if (Directory.Exists(grown))
            foreach (var gold in Directory.GetFiles(grown, "gold-*.jsonl").Order(StringComparer.Ordinal))
                sources.Add(new("grown", gold, Path.Combine(grown, "docs")));
        return sources;
    }

    /// <summary>
    /// Fold <paramref name="k"/> of <paramref name="n"/>: every n-th document of the training documents in path order.
    /// The spec cases are never held out: they are rules written down, not documents to score.
    /// </summary>
    public static HashSet<string> Fold(IEnumerable<LabeledMention> mentions, int k, int n) => mentions.Where(m => m.Source != SpecSource)
        .Select(m => m.Path).Distinct().Order(StringComparer.Ordinal).Where((_, i) => i % n == k).ToHashSet();

    /// <summary>Everything the role model trains on: the labelled documents of <see cref="TrainingSources"/>, the role and the name spec cases.</summary>
    public static List<LabeledMention> Training(string repo, Gazetteer? gazetteer = null) =>
        [.. Build(TrainingSources(repo), gazetteer), .. FromSpecs(Path.Combine(repo, "tests", "specs", "roles"), gazetteer),
         .. FromSpecs(Path.Combine(repo, "tests", "specs", "names"), gazetteer, complete: false)];

    public const string SpecSource = "specs";

    /// <summary>The county whose bulletin a spec case's lines are read in (the role spec test reads them the same way).</summary>
    public const string SpecRegion = "宁乡市";

    /// <summary>
    /// The role spec cases (tests/specs/roles/*.jsonl: lines of a bulletin → the figures they state) as labelled
    /// documents: each case's lines under a county bulletin's masthead and one progress section (or a plan's), labelled like a
    /// gold document (a case stating no figure labels all its numbers none: what is still to be done, a comparison).
    /// </summary>
    /// <param name="complete">
    /// whether a case lists every figure of its lines (role specs); the name specs list the figures they name and the
    /// numbers that are no figure ("absent"), so a number neither lists is left out rather than labelled none.
    /// </param>
    public static List<LabeledMention> FromSpecs(string folder, Gazetteer? gazetteer = null, bool complete = true)
    {
        gazetteer ??= Gazetteer.Default;
        var mentions = new List<LabeledMention>();
        foreach (var spec in SpecCases.Read(folder))
        {
            var row = spec.Row;
            string doc = spec.Id;
            // As the spec test reads a case: "issuer" the bulletin's county (宁乡市 unless said), "plan" a plan's lines.
            string issuer = row["issuer"]?.GetValue<string>() ?? SpecRegion;
            string[] head = row["plan"]?.GetValue<bool>() == true || row["kind"]?.GetValue<string>() == "plan"
                ? [$"{issuer}民生实事实施方案", "2025年2月10日", "二、主要任务"]
                : [$"{issuer}民生实事工作专报", "第5期", "2025年6月30日", "【工作进度】"];
            var builder = new DocumentTextBuilder("txt");
            foreach (var text in head.Concat(row["lines"]!.AsArray().Select(l => l!.GetValue<string>())))
                builder.Add(text.Contains('\t') ? BlockKind.TableRow : BlockKind.Paragraph, text);
            var figures = row["figures"]!.AsArray().Select(f => new LabeledFigure(doc, f!["region"]?.GetValue<string>() ?? issuer, null,
                f["project"]?.GetValue<string>() ?? "", f["indicator"]?.GetValue<string>() ?? "",
                f["target"]?.GetValue<double>(), f["actual"]?.GetValue<double>(), f["unit"]?.GetValue<string>(),
                f["percent"]?.GetValue<double>(), false)).ToList();
            var absent = row["absent"]?.AsArray().Select(a => a!.GetValue<double>()).ToList() ?? [];
            mentions.AddRange(Label(SpecSource, doc, builder.Build(), figures, gazetteer)
                .Where(m => complete || m.Label != "none" || absent.Any(a => Same(m.Candidate.Q.Value, a, m.Candidate.IsPercent)))
                .Select(m => m with { Path = spec.File + "#" + spec.Line }));
        }
        return mentions;
    }

    public static List<LabeledMention> Build(IEnumerable<Source> sources, Gazetteer? gazetteer = null)
    {
        gazetteer ??= Gazetteer.Default;
        var mentions = new List<LabeledMention>();
        foreach (var source in sources)
        {
            if (!File.Exists(source.Gold)) continue;
            var figures = File.ReadLines(source.Gold).Where(l => !string.IsNullOrWhiteSpace(l))
                .Select(l => JsonSerializer.Deserialize<LabeledFigure>(l)!)
                .Where(f => source.Keep is null || source.Keep(f.Doc)).ToList();
            foreach (var doc in figures.Select(f => f.Doc).Distinct().Order(StringComparer.Ordinal))
            {
                string path = Path.Combine(source.Docs, doc);
                if (!File.Exists(path)) continue;
                mentions.AddRange(Label(source.Name, doc, new TxtReader().Read(File.ReadAllBytes(path)),
                    figures.Where(f => f.Doc == doc).ToList(), gazetteer).Select(m => m with { Path = path }));
            }
        }
        return mentions;
    }

    private sealed record Unit(string Text, List<Candidate> Candidates, bool Loose, string? Heading);

    public static List<LabeledMention> Label(string source, string doc, DocumentText document, IReadOnlyList<LabeledFigure> figures, Gazetteer gazetteer)
    {
        var normalized = NormalizedView.Of(document).Normalized.WithoutNoise();
        var metadata = MetadataReader.Read(normalized, gazetteer);
        var issuing = metadata.Region is null ? null
            : gazetteer.Find(metadata.Region) ?? new Place(metadata.Region, metadata.ParentRegion, RegionLevel.County, []);
        bool isPlan = metadata.Kind == "plan";
        var regions = new RegionResolver(gazetteer, issuing);
        var outline = Outline.Read(normalized, regions, isPlan);
        bool itemized = outline.Items.Count(u => !u.Loose && u.Kind == SectionKind.Progress) >= 3 || outline.Tables.Sum(t => t.Rows.Count) >= 3;
        var units = outline.Items.Select(u => new Unit(u.Text.Text,
            CandidateFinder.Default.Find(u.Text.Text, u.Kind, isPlan, u.Loose && itemized, regions), u.Loose || u.Kind != SectionKind.Progress, u.Heading)).ToList();

        var labels = new Dictionary<Candidate, string>();
        var figureOf = new Dictionary<Candidate, int>();
        for (int f = 0; f < figures.Count; f++)
        {
            var figure = figures[f];
            string indicator = TextNormalizer.Default.Normalize(figure.Indicator ?? "");
            string project = TextNormalizer.Default.Normalize(figure.Project ?? "");
            bool percentUnit = figure.Unit == "%";
            foreach (var (value, label) in new[] { (figure.Actual, "actual"), (figure.Target, "target"), (figure.Percent, "percent") })
            {
                if (value is not double v) continue;
                bool wantPercent = label == "percent" || percentUnit;
                var best = units.SelectMany(u => u.Candidates.Select(c => (u, c)))
                    .Where(x => !labels.ContainsKey(x.c) && x.c.IsPercent == wantPercent && Same(x.c.Q.Value, v, x.c.IsPercent))
                    .Select(x => (x.c, Near: Nearness(x.u.Text, x.c, indicator, project)))
                    .OrderByDescending(x => x.Near.Rank).ThenBy(x => x.Near.Distance).ThenByDescending(x => x.Near.Dice)
                    .Select(x => x.c).FirstOrDefault();
                if (best is null) continue;
                labels[best] = label;
                figureOf[best] = f;
            }
        }
        return units.SelectMany(u => u.Candidates.Select(c => new LabeledMention(source, doc, c, u.Text, labels.GetValueOrDefault(c, "none"), u.Loose)
            { Unit = u.Candidates, Heading = u.Heading, Figure = figureOf.GetValueOrDefault(c, -1) })).ToList();
    }

    private static bool Same(double a, double b, bool percent) =>
        percent ? Math.Abs(a - b) < 0.006 : Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(b));

    /// <summary>How near a candidate stands to the figure's name: rank (name in its sentence, in its unit), distance in characters, bigram Dice.</summary>
    private static (int Rank, int Distance, double Dice) Nearness(string text, Candidate c, string indicator, string project)
    {
        string sentence = text[c.SentenceStart..c.SentenceEnd];
        foreach (var (name, rank) in new[] { (indicator, 4), (project, 3) })
        {
            if (name.Length < 2) continue;
            int at = text.IndexOf(name, StringComparison.Ordinal);
            if (at < 0) continue;
            int distance = int.MaxValue;
            for (; at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
                distance = Math.Min(distance, Math.Abs(at - c.Q.Start));
            bool inSentence = sentence.Contains(name, StringComparison.Ordinal);
            return (inSentence ? rank : rank - 2, distance, 0);
        }
        double dice = Math.Max(TextSimilarity.Dice(sentence, indicator), TextSimilarity.Dice(sentence, project));
        return (0, int.MaxValue, dice);
    }
}
