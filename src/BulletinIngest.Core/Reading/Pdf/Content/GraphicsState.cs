using BulletinIngest.Reading.Pdf.Fonts;

namespace BulletinIngest.Reading.Pdf.Content;

/// <summary>The parts of the graphics state the text layer needs: the CTM and the text state (saved by q, restored by Q).</summary>
internal sealed record GraphicsState
{
    public Matrix Ctm { get; set; } = Matrix.Identity;
    public PdfFont? Font { get; set; }
    public double FontSize { get; set; } = 1;
    public double CharSpacing { get; set; }
    public double WordSpacing { get; set; }
    /// <summary>Tz as a fraction (100% = 1).</summary>
    public double HorizontalScaling { get; set; } = 1;
    public double Leading { get; set; }
    public double Rise { get; set; }
    public int RenderMode { get; set; }

    public GraphicsState Copy() => this with { };
}
