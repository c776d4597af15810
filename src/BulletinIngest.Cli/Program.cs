using System.CommandLine;
using System.Text;
using BulletinIngest.Cli;
using BulletinIngest.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
RuntimeStats.WriteOnExit(args.FirstOrDefault() ?? "");

var root = new RootCommand("bulletin: turns Chinese progress bulletins (PDF, DOCX, TXT) into a SQLite database of figures.")
{
    IngestCommand.Create(),
    TextCommand.Create(),
    QueryCommand.Create(),
    ExportCommand.Create(),
    SegmentCommand.Create(),
    SearchCommand.Create(),
    EvalCommand.Create(),
    ShowCommand.Create(),
    FlagsCommand.Create(),
    DocumentsCommand.Create(),
    CompareCommand.Create(),
    TimelineCommand.Create(),
    LaggingCommand.Create(),
    DiffCommand.Create(),
    ProjectsCommand.Create(),
    ReportCommand.Create(),
    TrainCommand.Create(),
    LabelCommand.Create(),
    CorrectCommand.Create(),
    CorrectionsCommand.Create(),
    ServeCommand.Create(),
    RemapCommand.Create(),
    WorkerCommand.Create(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
{
    // System.CommandLine exits 1 on a parse error, which means "some files failed" here: a usage error is 2.
    parsed.Invoke();
    return ExitCodes.Usage;
}
return CommonOptions.Guard(() => parsed.Invoke());
