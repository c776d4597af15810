using System.CommandLine;
using System.Text;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin segment [FILE|-]`: the words of a text, as jieba users see them.</summary>
public static class SegmentCommand
{
    private static readonly HashSet<string> SentenceEnds = ["。", "！", "？", "!", "?", "；", ";"];

    public static Command Create()
    {
        var file = new Argument<string?>("file")
        {
            Description = "A UTF-8 text file; - or nothing for standard input",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var noHmm = new Option<bool>("--no-hmm") { Description = "Dictionary words only: do not guess unknown words with the HMM" };
        var userDictionary = new Option<string?>("--user-dict") { Description = "A jieba user dictionary (word [freq] [tag] per line) to add" };
        var jiebaOnly = new Option<bool>("--jieba-only") { Description = "Leave out the domain dictionary (models/userdict.txt), as plain Python jieba" };
        var command = new Command("segment", """
            Cut Chinese text into words with jieba's dictionary and HMM plus the domain dictionary
            (Hunan regions, development zones, livelihood projects, units). Prints one sentence per line,
            words separated by " / ".

            Examples:
              bulletin segment report.txt
              echo "汨罗市新增托育服务机构3家" | bulletin segment
              bulletin segment notes.txt --user-dict my_words.txt --no-hmm
            """) { file, noHmm, userDictionary, jiebaOnly };
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(file) ?? "-", !result.GetValue(noHmm),
            result.GetValue(userDictionary), result.GetValue(jiebaOnly))));
        return command;
    }

    private static int Run(string path, bool hmm, string? userDictionary, bool jiebaOnly)
    {
        var segmenter = jiebaOnly ? JiebaSegmenter.LoadJiebaOnly() : JiebaSegmenter.Load();
        if (userDictionary is not null) segmenter = segmenter.WithUserDictionary(userDictionary);
        string text = path == "-"
            ? Console.In.ReadToEnd()
            : File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : throw new FileNotFoundException($"no such file: {path}", path);

        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        foreach (var sentence in Sentences(segmenter.Cut(text, hmm)))
            output.WriteLine(string.Join(" / ", sentence));
        output.Flush();
        return 0;
    }

    /// <summary>The tokens grouped into sentences: a line break or a sentence-final mark ends one.</summary>
    private static IEnumerable<List<string>> Sentences(IEnumerable<Token> tokens)
    {
        var sentence = new List<string>();
        foreach (var token in tokens)
        {
            bool lineBreak = token.Text is "\n" or "\r" or "\r\n";
            if (!lineBreak && !(sentence.Count == 0 && string.IsNullOrWhiteSpace(token.Text))) sentence.Add(token.Text);
            if (!lineBreak && !SentenceEnds.Contains(token.Text)) continue;
            while (sentence.Count > 0 && string.IsNullOrWhiteSpace(sentence[^1])) sentence.RemoveAt(sentence.Count - 1);
            if (sentence.Count > 0) yield return sentence;
            sentence = [];
        }
        while (sentence.Count > 0 && string.IsNullOrWhiteSpace(sentence[^1])) sentence.RemoveAt(sentence.Count - 1);
        if (sentence.Count > 0) yield return sentence;
    }
}
