namespace BulletinIngest.Reading.Pdf;

/// <summary>A PDF transformation matrix [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f.</summary>
public readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
{
    public static readonly Matrix Identity = new(1, 0, 0, 1, 0, 0);

    public static Matrix Translation(double x, double y) => new(1, 0, 0, 1, x, y);

    /// <summary>This matrix followed by <paramref name="next"/> (PDF order: this × next).</summary>
    public Matrix Then(Matrix next) => new(
        A * next.A + B * next.C, A * next.B + B * next.D,
        C * next.A + D * next.C, C * next.B + D * next.D,
        E * next.A + F * next.C + next.E, E * next.B + F * next.D + next.F);

    public (double X, double Y) Transform(double x, double y) => (x * A + y * C + E, x * B + y * D + F);

    public (double X, double Y) TransformVector(double x, double y) => (x * A + y * C, x * B + y * D);
}
