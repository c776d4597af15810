namespace BulletinIngest.Learning;

/// <summary>
/// The project classifier's examples: corpus/labels/project_labels.tsv (doc, project, indicator, unit,
/// canonical_id, note), written by hand from the labeled figures and appended to by `bulletin label`.
/// A later line about the same name replaces an earlier one; names are compared as the catalog normalizes them.
/// </summary>
public static class ProjectTrainingSet
{
    public static readonly string[] Columns = ["doc", "project", "indicator", "unit", "canonical_id", "note"];

    public static IReadOnlyList<ProjectExample> Read(LabeledCorpus corpus)
    {
        var byName = new Dictionary<(string, string), ProjectExample>();
        var order = new List<(string, string)>();
        foreach (var row in TsvFile.Read(corpus.ProjectLabelsPath))
        {
            string project = row.GetValueOrDefault("project", ""), indicator = row.GetValueOrDefault("indicator", "");
            string label = row.GetValueOrDefault("canonical_id", "");
            if (label.Length == 0 || (project.Length == 0 && indicator.Length == 0)) continue;
            if (indicator.Length == 0) indicator = project;
            var key = (ProjectCatalog.Normalize(project), ProjectCatalog.Normalize(indicator));
            if (!byName.ContainsKey(key)) order.Add(key);
            string unit = row.GetValueOrDefault("unit", "");
            byName[key] = new ProjectExample(project, indicator, unit.Length == 0 ? null : unit, label, row.GetValueOrDefault("doc", ""));
        }
        return order.Select(k => byName[k]).ToList();
    }
}
