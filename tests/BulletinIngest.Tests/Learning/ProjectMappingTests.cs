using BulletinIngest.Extraction;
using BulletinIngest.Learning;
using BulletinIngest.Reading;
using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Tests.Learning;

public class ProjectMappingTests
{
    private static readonly string Models = Path.Combine(RepoPaths.Root, "models");
    private static ProjectCatalog Catalog() => ProjectCatalog.Load(Path.Combine(Models, ProjectCatalog.FileName));

    [Fact]
    public void The_catalog_lists_each_project_under_one_id_across_years()
    {
        var catalog = Catalog();
        var urbanJobs = catalog.Entries.Where(e => e.Id == "employment-urban-new").ToList();
        Assert.Contains(urbanJobs, e => e.Year == 2024 && e.List == "省级");
        Assert.Contains(urbanJobs, e => e.Year == 2026 && e.List == "省级");
        Assert.Contains(catalog.Entries, e => e.List == "市级" && e.Issuer == "岳阳市");
        Assert.All(catalog.Entries, e => Assert.NotEmpty(e.Keywords));
    }

    [Fact]
    public void Keywords_decide_by_the_longest_match_and_step_back_when_two_projects_tie()
    {
        var catalog = Catalog();
        Assert.Equal("employment-urban-new", catalog.MatchKeyword("完成新增城镇就业 6000 人"));
        Assert.Equal("employment-urban-new", catalog.MatchKeyword("统筹推进城乡就业"));
        Assert.Equal("health-newborn-lethal-genetic", catalog.MatchKeyword("高致死性新生儿遗传病筛查"));
        Assert.Equal("edu-family-guidance", catalog.MatchKeyword("实施家庭教育指导服务 \"向阳花\" 行动"));
        Assert.Null(catalog.MatchKeyword("扎实开展就业服务"));

        var tie = new ProjectCatalog(
        [
            new CatalogEntry("a", 2024, "省级", "湖南省", "甲项目", ["公路"]),
            new CatalogEntry("b", 2024, "省级", "湖南省", "乙项目", ["安防"]),
        ]);
        Assert.Null(tie.MatchKeyword("公路安防"));
        Assert.Equal("a", tie.MatchKeyword("农村公路"));
    }

    [Fact]
    public void The_mapper_asks_the_model_where_keywords_do_not_decide_and_gives_none_below_the_threshold()
    {
        var catalog = new ProjectCatalog(
        [
            new CatalogEntry("jobs", 2024, "省级", "湖南省", "城镇新增就业", ["城镇新增就业"]),
            new CatalogEntry("farmland", 2024, "市级", "岳阳市", "高标准农田", ["高标准农田"]),
        ]);
        ProjectExample[] labeled =
        [
            new("扎实开展就业服务", "一季度新增就业", "人", "jobs"),
            new("就业工作", "新增就业人数", "人", "jobs"),
            new("农田建设", "建成农田面积", "亩", "farmland"),
            new("招聘会", "发放宣传资料", "份", "none"),
            new("招聘会", "累计入场", "人次", "none"),
        ];
        var classifier = new ProjectClassifier(ProjectClassifier.Train(labeled, catalog).Model);
        var mapper = new ProjectMapper(catalog, classifier);

        Assert.Equal(new ProjectMapping("jobs", "catalog", 1.0), mapper.Map("统筹推进", "城镇新增就业"));
        var byModel = mapper.Map("就业服务", "新增就业", "人");
        Assert.Equal("jobs", byModel.CanonicalId);
        Assert.Equal(classifier.Version, byModel.DecidedBy);
        Assert.Null(mapper.Map("招聘会", "发放宣传资料", "份").CanonicalId);
        Assert.Null(new ProjectMapper(catalog, classifier, threshold: 0.999).Map("就业服务", "新增就业", "人").CanonicalId);
    }

    [Fact]
    public void Decided_by_keeps_who_kept_the_figure_and_adds_the_project_model()
    {
        var model = new ProjectMapping("jobs", "project-1.abc", 0.8);
        var catalog = new ProjectMapping("jobs", "catalog", 1.0);
        Assert.Equal(("rules+project-1.abc", (double?)0.8), Deciders.Record("rules", null, model));
        Assert.Equal(("clause-1.x+project-1.abc", (double?)0.9), Deciders.Record("clause-1.x", 0.9, model));
        Assert.Equal(("rules", (double?)null), Deciders.Record("rules+project-1.old", 0.6, catalog));
        Assert.Equal(("clause-1.x", (double?)0.9), Deciders.Record("clause-1.x+project-1.old", 0.9, catalog));
        Assert.True(Deciders.IsAnalystMapping("rules+analyst"));
    }

    private static readonly (string Project, string Indicator, string? Unit)[] SyntheticFigures =
    [
        ("统筹推进城乡就业", "城镇新增就业", "人"),
        ("完成新增城镇就业", "完成新增城镇就业", "人"),
        ("提高困难群体救助标准", "城市低保标准", "元/月"),
        ("本地特色活动", "举办读书分享会", "场"),
    ];

    private static string StoreSynthetic(TempFolder temp)
    {
        string db = temp.File("figures.db");
        var builder = new DocumentTextBuilder("txt");
        builder.Add(BlockKind.Paragraph, "【工作进度】");
        builder.Add(BlockKind.Paragraph, "城镇新增就业 2230 人,完成全年任务的 37.17%。");
        var text = builder.Build();
        var figures = SyntheticFigures.Select((f, i) => new Figure
        {
            Region = "某县", Project = f.Project, Indicator = f.Indicator, Unit = f.Unit, Actual = 100 + i,
            Start = 7, End = 20, Sentence = "城镇新增就业 2230 人,完成全年任务的 37.17%。",
        }).ToList();
        using var store = BulletinStore.Open(db);
        store.SaveDocument(new SourceFile(temp.File("a.txt"), "hash-a", 100), text, new ExtractionResult(new DocumentMetadata(), figures));
        return db;
    }

    [Fact]
    public void Remap_assigns_canonical_ids_to_stored_figures_and_a_second_run_changes_nothing()
    {
        using var temp = new TempFolder();
        string db = StoreSynthetic(temp);
        var mapper = ProjectMapper.Load(Models);
        using var store = BulletinStore.Open(db);

        var first = FigureRemapper.Remap(store.Connection, mapper);
        Assert.Equal(4, first.Figures);
        Assert.Equal(3, first.ByCatalog);
        var ids = store.Connection.Query<string?>("SELECT canonical_project_id FROM figures ORDER BY id").ToList();
        Assert.Equal(["employment-urban-new", "employment-urban-new", "assist-urban-dibao"], ids.Take(3));
        var fourth = store.Connection.QuerySingle<(string? Id, string DecidedBy, double? Confidence)>(
            "SELECT canonical_project_id, decided_by, confidence FROM figures ORDER BY id LIMIT 1 OFFSET 3");
        Assert.Equal($"rules+{mapper.Classifier!.Version}", fourth.DecidedBy);
        Assert.NotNull(fourth.Confidence);

        Assert.Equal(0, FigureRemapper.Remap(store.Connection, mapper).Changed);
    }

    [Fact]
    public void Remap_and_label_work_as_commands_on_a_real_database()
    {
        using var temp = new TempFolder();
        string db = StoreSynthetic(temp);
        string labels = Directory.CreateDirectory(temp.File("labels")).FullName;

        var remap = CliProcess.Run("remap", "--db", db);
        Assert.Equal(0, remap.ExitCode);
        Assert.Contains("4 figures", remap.Output);

        var label = CliProcess.Run("label", "4", "--project", "culture-to-countryside", "--db", db, "--labels", labels, "--note", "test");
        Assert.Equal(0, label.ExitCode);
        Assert.Contains("culture-to-countryside", File.ReadAllText(Path.Combine(labels, LabeledCorpus.ProjectLabelsFile)));
        var dropped = CliProcess.Run("label", "3", "--drop", "--db", db, "--labels", labels);
        Assert.Equal(0, dropped.ExitCode);
        var clauseLabels = File.ReadAllText(Path.Combine(labels, LabeledCorpus.ClauseLabelsFile));
        Assert.Contains("城镇新增就业 2230 人", clauseLabels);
        Assert.Contains("【工作进度】", clauseLabels);

        Assert.Contains("left alone", CliProcess.Run("remap", "--db", db).Output);
        using (var connection = BulletinStore.OpenReadOnly(db))
        {
            Assert.Equal(3, connection.ExecuteScalar<long>("SELECT count(*) FROM figures"));
            Assert.Equal(("culture-to-countryside", "rules+analyst"),
                connection.QuerySingle<(string, string)>("SELECT canonical_project_id, decided_by FROM figures WHERE id = 4"));
        }

        var unknown = CliProcess.Run("label", "4", "--project", "no-such-project", "--db", db, "--labels", labels);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("not in the project catalog", unknown.Error);
    }
}
