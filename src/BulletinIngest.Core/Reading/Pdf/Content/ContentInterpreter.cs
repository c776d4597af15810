using System.Text;
using BulletinIngest.Reading.Pdf.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content.Objects;

namespace BulletinIngest.Reading.Pdf.Content;

/// <summary>
/// Runs a page's content stream (tokenized by PDFsharp's ContentReader) through the graphics and text state
/// machine and emits positioned letters, table rulings and an image count. Handles q/Q, cm, BT/ET,
/// Tm/Td/TD/T*, Tc/Tw/Tz/TL/Ts/Tf/Tr, Tj/TJ/'/", Form XObjects (recursively, with their /Matrix and
/// resources) and the page's /Rotate and crop box. Bounded: forms nest at most <see cref="MaxFormDepth"/>
/// deep and a page runs at most <see cref="MaxOperators"/> operators and keeps at most <see cref="MaxLetters"/>
/// letters, so hostile files can neither hang it nor fill memory.
/// </summary>
internal sealed class ContentInterpreter(FontCache fonts, InflateBudget budget)
{
    public const int MaxFormDepth = 12;
    public const int MaxOperators = 4_000_000;
    public const int MaxLetters = 500_000;
    /// <summary>Drawn lines and filled rectangles at most this thick (points) count as rulings.</summary>
    private const double MaxRulingThickness = 3;

    private readonly List<Letter> _letters = [];
    private readonly List<Ruling> _rulings = [];
    private readonly List<Mark> _marks = [];
    private readonly List<Mark> _imageBoxes = [];
    private readonly List<(double X1, double Y1, double X2, double Y2, bool FromRectangle)> _path = [];
    private readonly HashSet<PdfDictionary> _activeForms = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<GraphicsState> _saved = new();
    private GraphicsState _state = new();
    private Matrix _display;
    private Matrix _textMatrix, _lineMatrix;
    private (double X, double Y) _pathStart, _pathCurrent;
    private int _images, _operators, _slantedLetters;

    public List<string> Warnings { get; } = [];

    public PageContent Interpret(PdfPage page, int pageNumber)
    {
        _letters.Clear(); _rulings.Clear(); _marks.Clear(); _imageBoxes.Clear(); _path.Clear(); _saved.Clear();
        _pathBox = EmptyBox;
        _images = 0; _operators = 0; _slantedLetters = 0;
        _state = new GraphicsState();
        var box = page.EffectiveCropBoxReadOnly;
        if (box.IsZero || box.Width <= 0 || box.Height <= 0) box = page.MediaBox;
        int rotate = ((page.Rotate % 360) + 360) % 360;
        _display = DisplayMatrix(box.X1, box.Y1, box.X2, box.Y2, rotate);
        double width = rotate is 90 or 270 ? box.Height : box.Width;
        double height = rotate is 90 or 270 ? box.Width : box.Height;

        try
        {
            Run(ContentBytes.Read(page, budget), page.Resources, depth: 0);
        }
        catch (Exception error) when (error is not (OutOfMemoryException or PdfLimitException))
        {
            // PDFsharp's content parser fails in many ways on damaged streams; keep what was read before the damage.
            Warnings.Add($"page {pageNumber}: content stream could not be read completely ({PdfReader.OneLine(error.Message)})");
        }
        if (_slantedLetters > 0) Warnings.Add($"page {pageNumber}: {_slantedLetters} letters of slanted text (a watermark?) left out");
        var visible = _letters.Where(l => l.X > -l.Width && l.X < width + 1 && l.Baseline > 0 && l.Baseline - l.Size < height + 1).ToList();
        return new PageContent(pageNumber, width, height, visible, _rulings.ToList(), _images) { Marks = _marks.ToList(), ImageBoxes = _imageBoxes.ToList() };
    }

    /// <summary>Maps user space to display space: crop box origin to the top-left, y down, then the page's clockwise /Rotate.</summary>
    private static Matrix DisplayMatrix(double x1, double y1, double x2, double y2, int rotate) => rotate switch
    {
        90 => new Matrix(0, 1, 1, 0, -y1, -x1),
        180 => new Matrix(-1, 0, 0, 1, x2, -y1),
        270 => new Matrix(0, -1, -1, 0, y2, x2),
        _ => new Matrix(1, 0, 0, -1, -x1, y2),
    };

    private void Run(CSequence sequence, PdfDictionary? resources, int depth)
    {
        foreach (var item in sequence)
        {
            if (item is not COperator op) continue;
            if (++_operators > MaxOperators)
                throw new InvalidOperationException($"stopped after {MaxOperators} operators");
            Execute(op, resources, depth);
        }
    }

    private void Execute(COperator op, PdfDictionary? resources, int depth)
    {
        var operands = op.Operands;
        switch (op.Name)
        {
            case "q": _saved.Push(_state.Copy()); break;
            case "Q": if (_saved.Count > 0) _state = _saved.Pop(); break;
            case "cm": if (MatrixOperand(operands) is { } cm) _state.Ctm = cm.Then(_state.Ctm); break;

            case "BT": _textMatrix = _lineMatrix = Matrix.Identity; break;
            case "ET": break;
            case "Tm": if (MatrixOperand(operands) is { } tm) _textMatrix = _lineMatrix = tm; break;
            case "Td": MoveLine(Number(operands, 0), Number(operands, 1)); break;
            case "TD":
                _state.Leading = -Number(operands, 1);
                MoveLine(Number(operands, 0), Number(operands, 1));
                break;
            case "T*": MoveLine(0, -_state.Leading); break;
            case "Tc": _state.CharSpacing = Number(operands, 0); break;
            case "Tw": _state.WordSpacing = Number(operands, 0); break;
            case "Tz": _state.HorizontalScaling = Number(operands, 0) / 100; break;
            case "TL": _state.Leading = Number(operands, 0); break;
            case "Ts": _state.Rise = Number(operands, 0); break;
            case "Tr": _state.RenderMode = (int)Number(operands, 0); break;
            case "Tf":
                _state.FontSize = Number(operands, 1);
                _state.Font = operands.Count > 0 && operands[0] is CName fontName ? FindFont(resources, fontName.Name) : null;
                break;
            case "Tj": ShowText(StringOperand(operands, 0)); break;
            case "'":
                MoveLine(0, -_state.Leading);
                ShowText(StringOperand(operands, 0));
                break;
            case "\"":
                _state.WordSpacing = Number(operands, 0);
                _state.CharSpacing = Number(operands, 1);
                MoveLine(0, -_state.Leading);
                ShowText(StringOperand(operands, 2));
                break;
            case "TJ": ShowTextArray(operands.Count > 0 ? operands[0] as CArray : null); break;

            case "Do": if (operands.Count > 0 && operands[0] is CName xobject) DrawXObject(resources, xobject.Name, depth); break;
            case "BI": _images++; break;

            case "m": _pathStart = _pathCurrent = Extend(ToDisplay(Number(operands, 0), Number(operands, 1))); break;
            case "l":
                var to = Extend(ToDisplay(Number(operands, 0), Number(operands, 1)));
                _path.Add((_pathCurrent.X, _pathCurrent.Y, to.X, to.Y, false));
                _pathCurrent = to;
                break;
            case "c":
                Extend(ToDisplay(Number(operands, 0), Number(operands, 1)));
                Extend(ToDisplay(Number(operands, 2), Number(operands, 3)));
                _pathCurrent = Extend(ToDisplay(Number(operands, 4), Number(operands, 5)));
                break;
            case "v" or "y":
                Extend(ToDisplay(Number(operands, 0), Number(operands, 1)));
                _pathCurrent = Extend(ToDisplay(Number(operands, 2), Number(operands, 3)));
                break;
            case "h":
                _path.Add((_pathCurrent.X, _pathCurrent.Y, _pathStart.X, _pathStart.Y, false));
                _pathCurrent = _pathStart;
                break;
            case "re": AddRectangle(Number(operands, 0), Number(operands, 1), Number(operands, 2), Number(operands, 3)); break;
            case "S" or "s": PaintPath(stroke: true); break;
            case "f" or "F" or "f*": PaintPath(stroke: false); break;
            case "B" or "B*" or "b" or "b*": PaintPath(stroke: true); break;
            case "n": _path.Clear(); _pathBox = EmptyBox; break;
        }
    }

    private void MoveLine(double tx, double ty)
    {
        _lineMatrix = Matrix.Translation(tx, ty).Then(_lineMatrix);
        _textMatrix = _lineMatrix;
    }

    private PdfFont? FindFont(PdfDictionary? resources, string name)
    {
        var dictionary = PdfObjects.Dictionary(PdfObjects.Dictionary(resources, "/Font"), name);
        return dictionary is null ? null : fonts.Get(dictionary);
    }

    private void ShowTextArray(CArray? array)
    {
        if (array is null) return;
        foreach (var element in array)
        {
            if (element is CString s) ShowText(Bytes(s));
            else if (NumberOf(element) is { } adjustment)
            {
                // A TJ number moves the pen back by thousandths of the font size (kerning, or a gap between words).
                double shift = -adjustment / 1000 * _state.FontSize;
                _textMatrix = (_state.Font?.IsVertical == true ? Matrix.Translation(0, shift) : Matrix.Translation(shift * _state.HorizontalScaling, 0)).Then(_textMatrix);
            }
        }
    }

    private void ShowText(byte[]? bytes)
    {
        var font = _state.Font;
        if (bytes is null || font is null) return;
        double size = _state.FontSize, scale = _state.HorizontalScaling;
        var baseMatrix = _state.Ctm.Then(_display);
        bool bold = font.IsBold || _state.RenderMode == 2;
        foreach (var glyph in font.Decode(bytes))
        {
            double advance = font.FontMatrix.TransformVector(glyph.Width, 0).X;
            var rendering = new Matrix(size * scale, 0, 0, size, 0, _state.Rise).Then(_textMatrix).Then(baseMatrix);
            if (!string.IsNullOrEmpty(glyph.Text)) AddLetter(glyph.Text, rendering, advance, font);

            double spacing = _state.CharSpacing + (glyph.IsWordSpace ? _state.WordSpacing : 0);
            _textMatrix = font.IsVertical
                ? Matrix.Translation(0, -size + spacing).Then(_textMatrix)
                : Matrix.Translation((advance * size + spacing) * scale, 0).Then(_textMatrix);
        }

        void AddLetter(string text, Matrix rendering, double advance, PdfFont f)
        {
            var origin = rendering.Transform(0, 0);
            var end = rendering.Transform(advance, 0);
            // Orientation from text space: Type 3 fonts may flip glyph space in their FontMatrix and draw glyphs flipped back.
            var up = rendering.TransformVector(0, 1);
            double emHeight = Math.Abs(f.FontMatrix.TransformVector(0, 1000).Y);
            double letterSize = Math.Sqrt(up.X * up.X + up.Y * up.Y) * emHeight;
            bool upright = rendering.A > 0 && up.Y < 0 && Math.Abs(rendering.B) <= 0.1 * Math.Abs(rendering.A) && Math.Abs(up.X) <= 0.4 * Math.Abs(up.Y);
            // Text at a slant (a diagonal watermark such as 内部资料) is not part of the body.
            double angle = Math.Abs(Math.Atan2(rendering.B, rendering.A) * 180 / Math.PI) % 90;
            if (angle is > 5 and < 85) { _slantedLetters++; return; }
            if (_letters.Count >= MaxLetters) throw new InvalidOperationException($"stopped after {MaxLetters} letters");
            _letters.Add(new Letter(text, origin.X, origin.Y, Math.Max(0, end.X - origin.X), letterSize, bold, upright));
        }
    }

    private void DrawXObject(PdfDictionary? resources, string name, int depth)
    {
        var xobject = PdfObjects.Dictionary(PdfObjects.Dictionary(resources, "/XObject"), name);
        if (xobject is null) return;
        string? subtype = PdfObjects.Name(xobject, "/Subtype");
        if (subtype == "/Image")
        {
            _images++;
            // An image fills the unit square of the current matrix: where it sits tells a scanned part of a text page.
            var corners = new[] { ToDisplay(0, 0), ToDisplay(1, 0), ToDisplay(0, 1), ToDisplay(1, 1) };
            _imageBoxes.Add(new Mark(corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y)));
            return;
        }
        if (subtype != "/Form" || depth >= MaxFormDepth || !_activeForms.Add(xobject)) return;
        try
        {
            var bytes = budget.StreamBytes(xobject);
            if (bytes is null) return;
            _saved.Push(_state.Copy());
            var savedText = (_textMatrix, _lineMatrix);
            if (PdfObjects.Matrix(PdfObjects.Array(xobject, "/Matrix")) is { } formMatrix) _state.Ctm = formMatrix.Then(_state.Ctm);
            var formResources = PdfObjects.Dictionary(xobject, "/Resources") ?? resources;
            Run(ContentBytes.Read(bytes), formResources, depth + 1);
            (_textMatrix, _lineMatrix) = savedText;
            _state = _saved.Pop();
        }
        finally
        {
            _activeForms.Remove(xobject);
        }
    }

    private (double X, double Y) ToDisplay(double x, double y) => _state.Ctm.Then(_display).Transform(x, y);

    private void AddRectangle(double x, double y, double w, double h)
    {
        var p1 = ToDisplay(x, y);
        var p2 = ToDisplay(x + w, y);
        var p3 = ToDisplay(x + w, y + h);
        var p4 = ToDisplay(x, y + h);
        _path.Add((p1.X, p1.Y, p2.X, p2.Y, true));
        _path.Add((p2.X, p2.Y, p3.X, p3.Y, true));
        _path.Add((p3.X, p3.Y, p4.X, p4.Y, true));
        _path.Add((p4.X, p4.Y, p1.X, p1.Y, true));
        _pathStart = _pathCurrent = p1;
        Extend(p1); Extend(p3);
    }

    private static readonly (double Left, double Top, double Right, double Bottom) EmptyBox = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
    private (double Left, double Top, double Right, double Bottom) _pathBox = EmptyBox;

    private (double X, double Y) Extend((double X, double Y) point)
    {
        _pathBox = (Math.Min(_pathBox.Left, point.X), Math.Min(_pathBox.Top, point.Y), Math.Max(_pathBox.Right, point.X), Math.Max(_pathBox.Bottom, point.Y));
        return point;
    }

    /// <summary>
    /// Keeps the axis-aligned lines of a painted path (stroked segments, and filled rectangles thin enough
    /// to be a line), and small filled shapes (list bullets drawn as dots or squares).
    /// </summary>
    private void PaintPath(bool stroke)
    {
        double boxWidth = _pathBox.Right - _pathBox.Left, boxHeight = _pathBox.Bottom - _pathBox.Top;
        if (!stroke && boxWidth is >= 1 and <= 8 && boxHeight is >= 1 and <= 8 && boxWidth <= 2 * boxHeight && boxHeight <= 2 * boxWidth)
            _marks.Add(new Mark(_pathBox.Left, _pathBox.Top, _pathBox.Right, _pathBox.Bottom));
        _pathBox = EmptyBox;
        if (stroke)
        {
            foreach (var (x1, y1, x2, y2, _) in _path) AddRuling(x1, y1, x2, y2);
        }
        else
        {
            for (int i = 0; i + 3 < _path.Count; i++)
            {
                if (!_path[i].FromRectangle) continue;
                double left = Math.Min(_path[i].X1, _path[i + 2].X1), right = Math.Max(_path[i].X1, _path[i + 2].X1);
                double top = Math.Min(_path[i].Y1, _path[i + 2].Y1), bottom = Math.Max(_path[i].Y1, _path[i + 2].Y1);
                if (bottom - top <= MaxRulingThickness && right - left > bottom - top) AddRuling(left, (top + bottom) / 2, right, (top + bottom) / 2);
                else if (right - left <= MaxRulingThickness && bottom - top > right - left) AddRuling((left + right) / 2, top, (left + right) / 2, bottom);
                i += 3;
            }
        }
        _path.Clear();
    }

    private void AddRuling(double x1, double y1, double x2, double y2)
    {
        const double tolerance = 0.5;
        if (Math.Abs(y1 - y2) <= tolerance && Math.Abs(x1 - x2) > tolerance)
            _rulings.Add(new Ruling(true, (y1 + y2) / 2, Math.Min(x1, x2), Math.Max(x1, x2)));
        else if (Math.Abs(x1 - x2) <= tolerance && Math.Abs(y1 - y2) > tolerance)
            _rulings.Add(new Ruling(false, (x1 + x2) / 2, Math.Min(y1, y2), Math.Max(y1, y2)));
    }

    private static double Number(CSequence operands, int index) =>
        index < operands.Count && NumberOf(operands[index]) is { } value ? value : 0;

    private static double? NumberOf(CObject item) => item switch
    {
        CInteger i => i.Value,
        CReal r => r.Value,
        _ => null,
    };

    private static Matrix? MatrixOperand(CSequence operands)
    {
        if (operands.Count < 6) return null;
        return new Matrix(Number(operands, 0), Number(operands, 1), Number(operands, 2), Number(operands, 3), Number(operands, 4), Number(operands, 5));
    }

    private static byte[]? StringOperand(CSequence operands, int index) =>
        index < operands.Count && operands[index] is CString s ? Bytes(s) : null;

    /// <summary>The raw bytes of a shown string. PDFsharp turns strings that start with a UTF-16 BOM into text; undo that.</summary>
    private static byte[] Bytes(CString s)
    {
        if (s.CStringType is CStringType.UnicodeString or CStringType.UnicodeHexString)
            return [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(s.Value)];
        var bytes = new byte[s.Value.Length];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)s.Value[i];
        return bytes;
    }
}
