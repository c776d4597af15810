using System.Globalization;
using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Extraction.Metadata;

/// <summary>The issuing region a document's evidence points to, or none, with the evidence that decided it.</summary>
/// <summary>FromPath: decided by the file's path (<see cref="PathEvidence"/>), the text deciding none; a region hint wins over it.</summary>
public sealed record RegionDecision(Place? Place, string? Written, string Evidence, bool Guessed = false, bool FromPath = false);

/// <summary>
/// Decides the issuing region from scored evidence rather than from the first name found. Every place the
/// masthead and the first part of the body name is a candidate; each piece of evidence adds to its score:
/// the title (full name or stem: 西安 for 西安市), a 【湘潭市】 bracket, the source line (来源：上海普陀),
/// the issuing body (…人民政府, 中共大连市委, a signature), mentions in the first lines and the body, the
/// level the text speaks as (我市/全市/市政府 → a 市; 全省 → a 省; 全县 → a 县) and the common parent of
/// the places it lists (a ranking of Hainan's cities and counties → 海南省). Names are read in the context
/// of the others (普陀 beside 上海 is 上海市普陀区). Below <see cref="Threshold"/> the only place named, if it scores
/// <see cref="GuessFloor"/>, is a guess (<see cref="RegionDecision.Guessed"/>, with a warning); else nothing is decided:
/// an unknown region is said so, never guessed from a look-alike (按照市 from 按照市委).
/// </summary>
public static partial class RegionEvidence
{
    /// <summary>The least score a place needs: one title or source mention, or a level reference backed by a mention.</summary>
    public const double Threshold = 3;

    /// <summary>The least score for a guess, which needs a place the only one named: one mention in the first lines.</summary>
    public const double GuessFloor = 1;

    private const double PrimaryTitle = 6, OtherTitle = 4, Bracket = 6, SourceLine = 4, IssuingBody = 3, Signature = 4;
    private const double HeadMention = 1, HeadMentionCap = 2, BodyMention = 0.5, BodyMentionCap = 3;
    private const double LevelReference = 3, ChildPlace = 1, ChildPlacesCap = 4, SolePlace = 1.5;

    /// <param name="head">The masthead lines (the first blocks), simplified.</param>
    /// <param name="body">The text after them (its first few thousand characters), simplified.</param>
    /// <param name="signature">The last lines, where the issuing body signs.</param>
    /// <param name="path">The place names of the file's path (<see cref="PathEvidence"/>): the weakest evidence, read only
    /// where the text decides no place or only guesses one the path's place is related to (never against an issuer the text names).</param>
    /// <param name="page">The whole page as written, its noise too (荆房网>荆州楼市 in the navigation), simplified: read only to tell
    /// apart the places a pinyin name of the path may mean; the head and body when not given.</param>
    public static RegionDecision Decide(IReadOnlyList<string> head, string body, IEnumerable<string> signature, Gazetteer gazetteer,
        IReadOnlyList<PathName>? path = null, string? page = null)
    {
        var board = new Board(gazetteer);
        board.NoteUnambiguous(head.Append(body));
        // A page's cell separator may close its title line (阿坝州九寨沟县有序推进牧民定居行动 |).
        var titles = head.Take(8).Select(l => l.TrimEnd(' ', '|')).Where(IsTitleLike).Take(3).ToList();
        // A title-like line below a sentence of the text (德化二实幼的小朋友在…上课 under the lead) is a caption or a
        // subheading: a title-like line, not the page's title.
        int firstSentence = head.Take(8).ToList().FindIndex(l => l.Contains('。'));
        bool titled = firstSentence < 0 || titles.Count > 0 && head.Take(firstSentence).Select(l => l.TrimEnd(' ', '|')).Contains(titles[0]);
        for (int i = 0; i < titles.Count; i++)
            board.AddAll(titles[i], stems: true, i == 0 && titled ? PrimaryTitle : OtherTitle, i == 0 && titled ? "title" : "title-like line");
        foreach (var line in head)
        {
            foreach (Match m in BracketName().Matches(line)) board.AddAll(m.Groups[1].Value, stems: true, Bracket, "【】");
            if (SourceLinePattern().Match(line) is { Success: true } source) board.AddAll(source.Groups[1].Value, stems: true, SourceLine, "source line");
            board.AddIssuingBodies(line, IssuingBody, "issuing body");
            if (NewsDateline().Match(line) is { Success: true } dateline)
            {
                // An agency's dateline (新华社北京7月14日电, 人民网昆明…电) names the bureau that filed the story, the capital of
                // the nation or province it is about, not the place whose figures it gives: a mention, not a masthead.
                string datelined = dateline.Groups[1].Value;
                if (NewsAgencies.Value.FirstOrDefault(a => datelined.StartsWith(a, StringComparison.Ordinal)) is { } agency)
                    board.AddAll(datelined[agency.Length..], stems: true, HeadMention, "agency's bureau");
                else board.AddAll(datelined, stems: true, OtherTitle, "dateline");
            }
        }
        foreach (var line in signature.Where(l => l.Length <= 60 && !l.Contains('。')))
            board.AddIssuingBodies(line, Signature, "signature");
        foreach (var line in head) board.AddCapped(line, HeadMention, HeadMentionCap, "first lines", stems: false);
        board.AddCapped(body, BodyMention, BodyMentionCap, "body", stems: false);
        // A stem (丹棱) is read in running text only for a place named in full as well, for a city when the text speaks
        // as a city more than as any other level (邢台主城区 beside 市委、市政府; a county's 我县 beside the 市委 above it
        // makes no person's name 雷兴平 a city's), or for a place of any level the text speaks as when it begins an
        // institution's name (柯桥中学 beside 我区, 崇川经济开发区 beside 区政府).
        string headAndBody = string.Join("\n", head) + "\n" + body;
        var spoken = SelfReferences(headAndBody);
        int mostSpoken = spoken.Values.DefaultIfEmpty(0).Max();
        var cityLevels = spoken.Where(l => l.Key is "市" or "州" && l.Value == mostSpoken).Select(l => l.Key).ToList();
        foreach (var line in head.Append(body)) board.AddCapped(line, BodyMention, BodyMentionCap, "stem", stems: true, cityLevels, spoken.Keys);
        foreach (var line in head.Append(body)) board.AddListedStems(line, BodyMention, BodyMentionCap);
        board.AddSolePlace(SolePlace);
        board.AddChildren(ChildPlace, ChildPlacesCap);
        board.AddLevel(spoken, LevelReference);
        var decision = board.Best(Threshold, GuessFloor);
        if (National(titles, headAndBody, spoken, decision, board) is { } national)
        {
            if (!national.Guessed) return national;
            decision = national;
        }
        if (path is not { Count: > 0 } || decision.Place is not null && !decision.Guessed) return decision;
        var (fromPath, why) = PathEvidence.Decide(path, board.Places, spoken, page ?? headAndBody, gazetteer);
        // A guess (the one place named, a few times) meets only a path place related to it, and the more specific of the two
        // stands: 湖南省 named, …/湘潭市/… is 湘潭市; 平安区 named, pingan-haidong is 平安区.
        // A guess of the nation is above every place a path names.
        if (fromPath is null || decision.Place is { } guess && guess != fromPath && guess != Gazetteer.Nation && !PathEvidence.Related(guess, fromPath, gazetteer))
            return decision with { Evidence = $"{decision.Evidence}; {why}{(fromPath is null ? "" : " (unrelated to the guess)")}" };
        var place = decision.Place is { } named && gazetteer.IsWithin(named, fromPath) ? named : fromPath;
        // A file named by its city (laoting-tangshan's tangshan) on a page that speaks as a county (我县) and writes one of
        // that city's counties by its stem (乐亭的农村公路) is that county's.
        string county = "";
        if (decision.Place is null && place.Level == RegionLevel.Prefecture && CountyChildWritten(place, spoken, page ?? headAndBody, gazetteer) is { } child)
        {
            county = $"; the text speaks as a county and writes {RegionNames.Stem(child.Name)} → {child.Name}";
            place = child;
        }
        return new RegionDecision(place, place == decision.Place ? decision.Written : null,
            $"from the file path: {why}{county} (the text {(decision.Guessed ? $"only guesses {decision.Place!.Name}" : "decides none")}: {decision.Evidence})", FromPath: true);
    }

    private const double NationMention = 1, NationMentionCap = 4, NationalBody = 3;

    /// <summary>
    /// The nation, when the page speaks as the whole country: 全国 or 我国 in the title (+6), a national body or site
    /// (住房和城乡建设部, 中国政府网: models/rules/national-bodies.tsv, +3), 全国/我国 in the text (+1 each, at most 4; 全国第一
    /// and other rankings not counted), together at least <see cref="Threshold"/>; never where the text speaks as a
    /// province, city or county (全省, 我市), and never over a place the title names or that scores as much.
    /// </summary>
    private static RegionDecision? National(List<string> titles, string text, Dictionary<string, int> spoken,
        RegionDecision decision, Board board)
    {
        if (spoken.Values.Any(n => n > 0)) return null;
        var reasons = new List<string>();
        double score = 0;
        if (titles.Count > 0 && NationWord().IsMatch(titles[0])) { score += PrimaryTitle; reasons.Add($"title +{PrimaryTitle}"); }
        if (NationalBodies.Value.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) is { } nationalBody)
        {
            score += NationalBody;
            reasons.Add($"national body {nationalBody} +{NationalBody}");
        }
        int mentions = NationWord().Matches(text).Count(m =>
            !RankingWords.Value.Any(w => string.CompareOrdinal(text, m.Index + m.Length, w, 0, w.Length) == 0));
        double mentioned = Math.Min(NationMentionCap, mentions * NationMention);
        if (mentioned > 0) { score += mentioned; reasons.Add($"全国/我国 ×{mentions} +{mentioned.ToString("0.#", CultureInfo.InvariantCulture)}"); }
        // A page that names no place and speaks only as 全国, too little to decide, is a guess of the nation, as a page that
        // names one place a few times is a guess of that place (the one-sentence national summary).
        bool guessed = score < Threshold && mentions > 0 && board.Places.Count == 0;
        if (score < Threshold && !guessed) return null;
        if (decision.Place is { } place && !decision.Guessed && (board.ScoreOf(place) >= Math.Min(score, PrimaryTitle))) return null;
        return new RegionDecision(Gazetteer.Nation, Gazetteer.Nation.Name,
            $"{(guessed ? $"guessed, no place named and {Threshold} not reached: " : "")}全国 {score.ToString("0.#", CultureInfo.InvariantCulture)} ({string.Join(", ", reasons)}){(decision.Place is null ? "" : $" over {decision.Evidence}")}",
            Guessed: guessed);
    }

    /// <summary>News agencies whose datelines name a bureau (models/rules/news-agencies.tsv).</summary>
    private static readonly Lazy<string[]> NewsAgencies = new(() => Words("rules/news-agencies.tsv").ToArray());

    /// <summary>Bodies and sites that speak for the whole country (models/rules/national-bodies.tsv).</summary>
    private static readonly Lazy<string[]> NationalBodies = new(() => Words("rules/national-bodies.tsv").ToArray());

    /// <summary>
    /// The one county or district of <paramref name="city"/> whose stem the text writes, when the text speaks as a county
    /// or district more than as a city; else null.
    /// </summary>
    private static Place? CountyChildWritten(Place city, Dictionary<string, int> spoken, string text, Gazetteer gazetteer)
    {
        int asCounty = Math.Max(spoken.GetValueOrDefault("县"), spoken.GetValueOrDefault("区"));
        if (asCounty == 0 || asCounty <= spoken.GetValueOrDefault("市")) return null;
        var written = gazetteer.Places
            .Where(p => p.Level == RegionLevel.County && p.Parent == city.Name && RegionNames.Stem(p.Name) is { Length: >= 2 } stem
                        && !CommonWords.Value.Contains(stem) && text.Contains(stem, StringComparison.Ordinal))
            .ToList();
        return written.Count == 1 ? written[0] : null;
    }

    /// <summary>A line that can be a title: short, not a sentence of the text, not navigation.</summary>
    private static bool IsTitleLike(string line) =>
        line.Length is >= 6 and <= 60 && !line.Contains('。') && !line.Contains('>') && !line.Contains('|') && !SourceLinePattern().IsMatch(line)
        && !StaffCredit().IsMatch(line) && !NumbersRow().IsMatch(line);

    /// <summary>
    /// How often the text speaks as each level (我市, 全县, 省政府), by the suffix a place of that level ends with; a ranking
    /// (全省第一, 位居全市前列: models/rules/region-ranking-words.tsv) names the field the place is ranked in, not itself.
    /// </summary>
    private static Dictionary<string, int> SelfReferences(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in SelfReference().Matches(text))
        {
            if (m.Value[0] == '全' && RankingWords.Value.Any(w => string.CompareOrdinal(text, m.Index + m.Length, w, 0, w.Length) == 0)) continue;
            string level = m.Groups["level"].Value;
            counts[level] = counts.GetValueOrDefault(level) + 1;
        }
        return counts;
    }

    /// <summary>Scores per place, and the names as written.</summary>
    private sealed class Board(Gazetteer gazetteer)
    {
        private readonly Dictionary<Place, (double Score, List<string> Reasons, int FirstSeen)> _scores = [];
        private readonly Dictionary<Place, string> _written = [];
        private readonly Dictionary<(Place, string), double> _capped = [];
        private int _order;

        private readonly HashSet<(Place, string)> _counted = [];
        private readonly Dictionary<Place, int> _mentions = [];
        private readonly HashSet<Place> _placed = [];

        private readonly List<Place> _unambiguous = [];

        /// <summary>
        /// The places the document names with a name only one place has: the context a shared name is read in wherever it
        /// stands (台江 in a title, 黔东南 only further down: 台江县, not 福州's 台江区).
        /// </summary>
        public void NoteUnambiguous(IEnumerable<string> texts)
        {
            foreach (var text in texts)
                _unambiguous.AddRange(Scan(text).Where(f => f.Options.Count == 1).Select(f => f.Options[0]));
        }

        /// <summary>A piece of evidence where a place is expected (title, source line): once per place and kind, however often repeated.</summary>
        public void AddAll(string text, bool stems, double weight, string reason)
        {
            foreach (var (place, written, _) in Mentions(text, stems, expected: true).DistinctBy(m => m.Place))
            {
                _placed.Add(place);
                if (_counted.Add((place, reason))) Add(place, written, weight, reason);
            }
        }

        /// <summary>
        /// Places named as an issuing body: followed by 人民政府, 政府, 委 (中共大连市委), 人民代表大会 (after a session:
        /// 湖北省第十二届人民代表大会), or by an office's name within
        /// a few characters (湘潭市实施民生可感行动工作专班, 祁东县民生实事工作领导小组办公室).
        /// </summary>
        public void AddIssuingBodies(string line, double weight, string reason)
        {
            foreach (var (place, written, end) in Mentions(line, stems: false, expected: true))
            {
                string rest = line.Substring(end, Math.Min(OfficeReach, line.Length - end));
                rest = Session().Replace(rest, "");
                bool government = GovernmentWords.Any(w => rest.StartsWith(w, StringComparison.Ordinal));
                int stop = rest.IndexOfAny(['，', '。', ',', '；', ';', '：', ':', '、', ' ']);
                string clause = stop < 0 ? rest : rest[..stop];
                bool office = OfficeWords.Any(w => clause.Contains(w, StringComparison.Ordinal));
                if ((government || office) && _counted.Add((place, reason))) { _placed.Add(place); Add(place, written, weight, reason); }
            }
        }

        private const int OfficeReach = 16;
        private static readonly string[] GovernmentWords = ["人民政府", "政府", "人民代表大会", "人大", "委员会", "委"];
        // A site is the body's voice too: 摘自上海市门户网站, 安庆地区综合门户网站 (a page's footer or repost line).
        private static readonly string[] OfficeWords = ["办公室", "领导小组", "工作专班", "专班", "指挥部", "工作组", "门户网站", "政府网"];

        /// <summary>True when an institution's name goes on at <paramref name="end"/> (柯桥|中学, 崇川|经济开发区).</summary>
        private static bool BeginsInstitution(string text, int end) =>
            InstitutionWords.Value.Any(w => string.CompareOrdinal(text, end, w, 0, w.Length) == 0);

        /// <summary>
        /// Mentions in running text, each worth a little, up to a cap per place; stems only for places already named, of a
        /// level in <paramref name="spokenLevels"/>, or of a level in <paramref name="institutionLevels"/> where an
        /// institution's name goes on after the stem (models/rules/region-institution-words.tsv).
        /// </summary>
        public void AddCapped(string text, double weight, double cap, string reason, bool stems, IEnumerable<string>? spokenLevels = null,
            IEnumerable<string>? institutionLevels = null)
        {
            var levels = spokenLevels?.ToList() ?? [];
            var institutional = institutionLevels?.ToList() ?? [];
            foreach (var (place, written, end) in Mentions(text, stems, expected: false))
            {
                bool stem = !gazetteer.PlacesNamed(written).Contains(place);
                // The stem pass counts only stems (names were counted already), for places named in full or of a level spoken as.
                if (stems != stem || stem && !_scores.ContainsKey(place) && !levels.Any(l => OfLevel(place, l))
                    && !(institutional.Any(l => OfLevel(place, l)) && BeginsInstitution(text, end))) continue;
                AddMention(place, written, weight, cap, reason);
            }
        }

        /// <summary>One mention of a place: counted, and worth <paramref name="weight"/> until its reason's cap is reached.</summary>
        private void AddMention(Place place, string written, double weight, double cap, string reason)
        {
            _mentions[place] = _mentions.GetValueOrDefault(place) + 1;
            double sofar = _capped.GetValueOrDefault((place, reason));
            if (sofar >= cap) return;
            double add = Math.Min(weight, cap - sofar);
            _capped[(place, reason)] = sofar + add;
            Add(place, written, add, reason);
        }

        /// <summary>
        /// Places listed by their stems (金昌、兰州、张掖…7市; 在奉贤、金山、南汇、崇明各建): a list of three or more items joined
        /// by 、, at least three of them (and two in three) stems or names of places under one parent, each read as the place
        /// under that parent. A stem alone is too often a word to count; three siblings in a row are not chance. The first item
        /// may have words before its stem (在奉贤), the last words after it (崇明各建).
        /// </summary>
        public void AddListedStems(string text, double weight, double cap)
        {
            foreach (Match list in StemList().Matches(text))
            {
                var items = list.Value.Split('、');
                var options = items.Select((item, i) => ItemOptions(item, first: i == 0, last: i == items.Length - 1)).ToList();
                var parent = options.SelectMany(o => o.Places.Select(p => p.Parent).Distinct()).Where(p => p is not null)
                    .GroupBy(p => p).OrderByDescending(g => g.Count()).FirstOrDefault();
                if (parent is null || parent.Count() < 3 || parent.Count() * 3 < items.Length * 2) continue;
                foreach (var (written, places) in options)
                {
                    if (places.FirstOrDefault(p => p.Parent == parent.Key) is { } place) AddMention(place, written, weight, cap, "listed");
                }
            }
        }

        /// <summary>The places a list item may mean: the item a stem or name (the first item's end, the last item's start).</summary>
        private (string Written, IReadOnlyList<Place> Places) ItemOptions(string item, bool first, bool last)
        {
            for (int length = item.Length; length >= 2; length--)
                foreach (int start in first ? [item.Length - length] : last ? [0] : length == item.Length ? [0] : Array.Empty<int>())
                {
                    string part = item.Substring(start, length);
                    if (CommonWords.Value.Contains(part) || RegionResolver.IsCommonNoun(part)) continue;
                    var places = gazetteer.PlacesNamed(part).Concat(gazetteer.PlacesWithStem(part)).Distinct().ToList();
                    if (places.Count > 0) return (part, places);
                }
            return (item, []);
        }

        /// <summary>The one place a text names, if only one is.</summary>
        public void AddSolePlace(double weight)
        {
            if (_scores.Count == 1) Add(_scores.Keys.First(), null, weight, "the only place named");
        }

        /// <summary>A place named twice, or where a place is expected: the text's level references may apply to it.</summary>
        private bool Established(Place place) => _placed.Contains(place) || _mentions.GetValueOrDefault(place) >= 2;

        /// <summary>A place whose subdivisions the text names gets a point for each (a list of counties names their city).</summary>
        public void AddChildren(double weight, double cap)
        {
            var named = _scores.Keys.ToList();
            foreach (var parent in named.SelectMany(gazetteer.Ancestors).Distinct().ToList())
            {
                int children = named.Count(p => gazetteer.IsWithin(p, parent));
                if (children < 2) continue;
                Add(parent, null, Math.Min(cap, children * weight), $"{children} places within");
                _placed.Add(parent);
            }
        }

        /// <summary>
        /// The level the text speaks as, shared out by how often: to each named place of that level, and to the named
        /// places' parents of that level, if established; else to the one place of that level named or above one named
        /// (全省 on a page that names 湖北省 once, 全区 after 海东市平安区).
        /// </summary>
        public void AddLevel(Dictionary<string, int> references, double weight)
        {
            int total = references.Values.Sum();
            if (total == 0) return;
            var named = _scores.Keys.Where(Established).ToList();
            var pool = named.Concat(named.SelectMany(gazetteer.Ancestors)).Distinct().ToList();
            var all = _scores.Keys.Concat(_scores.Keys.SelectMany(gazetteer.Ancestors)).Distinct().ToList();
            foreach (var (level, count) in references)
            {
                var places = pool.Where(p => OfLevel(p, level)).ToList();
                if (places.Count == 0 && all.Where(p => OfLevel(p, level)).ToList() is [var sole]) places.Add(sole);
                foreach (var place in places)
                    Add(place, null, weight * count / total, $"speaks as {level} ({count}/{total})");
            }
        }

        /// <summary>The place is of the level, or the text writes it by a name of that level (廣德縣, 广德市 since 2019: a 县).</summary>
        private bool OfLevel(Place place, string level) =>
            RegionNames.IsOfLevel(place.Name, level) || _written.TryGetValue(place, out var written) && RegionNames.IsOfLevel(written, level);

        /// <summary>Every place the text names (whatever its score).</summary>
        public IReadOnlyCollection<Place> Places => _scores.Keys;

        private void Add(Place place, string? written, double weight, string reason)
        {
            if (!_scores.TryGetValue(place, out var entry)) entry = (0, [], _order++);
            entry.Reasons.Add($"{reason} +{weight.ToString("0.#", CultureInfo.InvariantCulture)}");
            _scores[place] = (entry.Score + weight, entry.Reasons, entry.FirstSeen);
            if (written is not null) _written.TryAdd(place, written);
        }

        /// <summary>
        /// The places a text names, left to right: full names and aliases anywhere, stems (丹棱, 西安) only when
        /// asked. A name several places share is read beside the others (普陀 after 上海), else dropped. A place
        /// whose name is a common word (会同县) counts only where a place is <paramref name="expected"/> or right after
        /// its parent; a parent written right before its child is that child's address.
        /// </summary>
        private List<(Place Place, string Written, int End)> Mentions(string text, bool stems, bool expected)
        {
            var found = Scan(text).Where(f => stems || !f.Stem).ToList();
            var named = found.Where(f => f.Options.Count == 1).Select(f => f.Options[0]).Concat(_unambiguous).ToList();
            var context = named.Concat(_scores.Keys).ToList();
            var result = new List<(Place Place, string Written, int End)>();
            foreach (var (options, written, _, end) in found)
            {
                var place = options.Count == 1 ? options[0] : InContext(options, context, named);
                if (place is null) continue;
                bool afterParent = result.Count > 0 && result[^1].End == end - written.Length && gazetteer.IsWithin(place, result[^1].Place);
                if (!expected && !afterParent && CommonWordPlaces.Value.Contains(place)) continue;
                // 海东市平安区, 江苏盐城: the address of the most specific place, not a mention of its parent.
                if (afterParent) result.RemoveAt(result.Count - 1);
                result.Add((place, written, end));
            }
            return result;
        }

        private readonly Lazy<HashSet<Place>> CommonWordPlaces = new(() =>
            CommonWords.Value.SelectMany(w => gazetteer.PlacesWithStem(w).Concat(gazetteer.PlacesNamed(w))).ToHashSet());

        private readonly Dictionary<string, List<(IReadOnlyList<Place> Options, string Written, bool Stem, int End)>> _scans = new(StringComparer.Ordinal);

        /// <summary>
        /// The names and stems a text holds, left to right (longest at each place; a stem only where no name is), scanned
        /// once per text. A name counts only as whole words: a word of the segmenter begins at its start, and one ends at
        /// its end or the word it begins goes on past it (大连市委, 四川省政府): 和县 is not in 城乡和县域, nor 成县 in 完成县.
        /// A stem that is a common word (惠民, 振兴) never counts.
        /// </summary>
        private List<(IReadOnlyList<Place> Options, string Written, bool Stem, int End)> Scan(string text)
        {
            if (_scans.TryGetValue(text, out var known)) return known;
            var bounds = WordBounds(text);
            var found = new List<(IReadOnlyList<Place>, string, bool, int)>();
            for (int i = 0; i < text.Length;)
            {
                string? written = null;
                IReadOnlyList<Place> options = [];
                bool stem = false;
                if (bounds.TryGetValue(i, out int wordEnd))
                {
                    foreach (var name in gazetteer.NamesAt(text, i))
                    {
                        if (RegionResolver.IsCommonNoun(name) || !(bounds.ContainsKey(i + name.Length) || wordEnd > i + name.Length
                            || SuffixFusedWithBody(text, i, i + name.Length, bounds))) continue;
                        options = gazetteer.PlacesNamed(name);
                        if (options.Count > 0) { written = name; break; }
                    }
                    if (written is null)
                        foreach (var s in gazetteer.StemsAt(text, i))
                        {
                            if (CommonWords.Value.Contains(s) || !(bounds.ContainsKey(i + s.Length) || wordEnd > i + s.Length)) continue;
                            written = s; options = gazetteer.PlacesWithStem(s); stem = true; break;
                        }
                }
                if (written is null) { i++; continue; }
                found.Add((options, written, stem, i + written.Length));
                i += written.Length;
            }
            return _scans[text] = found;
        }

        /// <summary>
        /// A name whose level suffix the segmenter joined to the body after it (山西|省委, 荆州|市委, 宣城|市政府): a word begins
        /// inside the name, goes on past its end, and the text after the name is a body's word (委, 政府).
        /// </summary>
        private static bool SuffixFusedWithBody(string text, int start, int end, Dictionary<int, int> bounds)
        {
            if (!GovernmentWords.Any(w => string.CompareOrdinal(text, end, w, 0, w.Length) == 0)) return false;
            for (int b = start + 1; b < end; b++)
                if (bounds.TryGetValue(b, out int wordEnd) && wordEnd > end) return true;
            return false;
        }

        /// <summary>The offsets where the segmenter's words begin, each with where that word ends (the text's end too).</summary>
        private static Dictionary<int, int> WordBounds(string text)
        {
            var bounds = JiebaSegmenter.Load().Cut(text).ToDictionary(t => t.Start, t => t.End);
            bounds[text.Length] = text.Length;
            return bounds;
        }

        /// <summary>Of several places one name may mean: the one inside (or above) a place the text names, else the one of the highest level if only one is.</summary>
        private Place? InContext(IReadOnlyList<Place> options, List<Place> context, List<Place> named)
        {
            // A stem a place the text names by a name of its own shares with places within it (长春 beside 长春市: not
            // 长春经济技术开发区) is that place's.
            if (options.FirstOrDefault(o => named.Contains(o) && options.All(p => p == o || gazetteer.IsWithin(p, o))) is { } own)
                return own;
            var related = options.Where(o => context.Any(c => c != o && (gazetteer.IsWithin(o, c) || gazetteer.IsWithin(c, o)))).ToList();
            if (related.Count == 1) return related[0];
            var top = options.GroupBy(o => o.Level).OrderBy(g => g.Key).First().ToList();
            return top.Count == 1 ? top[0] : null;
        }

        /// <summary>The score a place has gathered (0 when none).</summary>
        public double ScoreOf(Place place) => _scores.TryGetValue(place, out var s) ? s.Score : 0;

        public RegionDecision Best(double threshold, double guessFloor)
        {
            var ranked = _scores.OrderByDescending(s => s.Value.Score).ThenBy(s => s.Value.FirstSeen).ToList();
            string Explain(int n) => string.Join("; ", ranked.Take(n).Select(s =>
                $"{s.Key.Name} {s.Value.Score.ToString("0.#", CultureInfo.InvariantCulture)} ({string.Join(", ", s.Value.Reasons)})"));
            // A guess needs a place with no rival (GD08's 奉贤区 1.5 beside 上海市 1 is no guess).
            if (ranked.Count == 0 || ranked[0].Value.Score < threshold && (ranked.Count > 1 || ranked[0].Value.Score < guessFloor))
                return new RegionDecision(null, null, ranked.Count == 0 ? "no place named" : $"no place scores {threshold}: {Explain(3)}");
            var best = ranked[0].Key;
            bool guessed = ranked[0].Value.Score < threshold;
            return new RegionDecision(best, _written.GetValueOrDefault(best), guessed ? $"guessed, no place scores {threshold}: {Explain(3)}" : Explain(2), guessed);
        }
    }

    /// <summary>Words that go on an institution's name after its place's stem (models/rules/region-institution-words.tsv).</summary>
    private static readonly Lazy<string[]> InstitutionWords = new(() => Words("rules/region-institution-words.tsv").ToArray());

    /// <summary>Words that make 全省/全市 a ranking's field (models/rules/region-ranking-words.tsv).</summary>
    private static readonly Lazy<string[]> RankingWords = new(() => Words("rules/region-ranking-words.tsv").ToArray());

    /// <summary>Stems that are common words (models/rules/region-common-words.tsv).</summary>
    public static readonly Lazy<HashSet<string>> CommonWords = new(() => Words("rules/region-common-words.tsv").ToHashSet(StringComparer.Ordinal));

    private static IEnumerable<string> Words(string fileName) => Learning.TsvFile.Column(ModelFiles.PathOf(fileName), "word");

    [GeneratedRegex("全国|我国")]
    private static partial Regex NationWord();

    /// <summary>Three or more runs of Chinese joined by 、 (a list of places, or of anything else).</summary>
    [GeneratedRegex(@"[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+){2,}")]
    private static partial Regex StemList();

    /// <summary>A body's session after its place: 第十二届, 第十四屆 (simplified before).</summary>
    [GeneratedRegex(@"^第[0-9一二三四五六七八九十]+届")]
    private static partial Regex Session();

    /// <summary>【湘潭市】 at the head of a title.</summary>
    /// <summary>A line crediting staff (【责任编辑:王海珠】, 记者 张三): names people, not the issuing place.</summary>
    [GeneratedRegex(@"(责任编辑|编辑|作者|记者|通讯员|审核|校对|摄影|编审)\s*[:：]")]
    private static partial Regex StaffCredit();

    [GeneratedRegex(@"【([\u4e00-\u9fff]{2,12})】")]
    private static partial Regex BracketName();

    /// <summary>
    /// The page's source line: 来源：区政府办, 信息来源：民生办, 发布机构：…; not one quoted in a notice (版权声明:凡注明“来源:中国西藏网”
    /// names the site's own reports, not this page's source).
    /// </summary>
    [GeneratedRegex(@"(?<![“""‘'「])(?:信息来源|来源|发布机构|发布单位|发文机关)[:：]\s*([^\s|]{2,20})")]
    private static partial Regex SourceLinePattern();

    /// <summary>A table's row, a label and two or more numbers (北京 20 9.6 48%, compacted 北京20 9.6 48%): no title.</summary>
    [GeneratedRegex(@"^[^\d\s]{1,8}\s*\d[\d.]*%?(?:\s+\d[\d.]*%?)+$")]
    private static partial Regex NumbersRow();

    /// <summary>A news dateline naming the place: 浙江在线7月7日讯, 郑州人大网讯.</summary>
    [GeneratedRegex(@"^([\u4e00-\u9fff]{2,8}?)(?:在线|日报|晚报|新闻网|人大网|政府网|网)?\d{0,2}月?\d{0,2}日?(?:讯|电)")]
    private static partial Regex NewsDateline();

    /// <summary>我市, 全县, 本区, 省政府, 市委, 县委 — the level the text speaks as.</summary>
    [GeneratedRegex(@"(?:[我全本](?<level>自治区|省|市|县|区|州)|(?<=^|[^\u4e00-\u9fff]|[年的由和、])(?<level>自治区|省|市|县|区|州)(?:政府|委|长|财政))")]
    public static partial Regex SelfReference();
}
