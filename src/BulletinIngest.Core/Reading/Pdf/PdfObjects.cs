using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace BulletinIngest.Reading.Pdf;

/// <summary>Small readers over PDFsharp's object model that resolve indirect references and never throw on a wrong type.</summary>
internal static class PdfObjects
{
    public static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    public static PdfItem? Get(PdfDictionary? dictionary, string key) =>
        dictionary is null ? null : Resolve(dictionary.Elements[key]);

    public static PdfDictionary? Dictionary(PdfDictionary? dictionary, string key) => Get(dictionary, key) as PdfDictionary;

    public static PdfArray? Array(PdfDictionary? dictionary, string key) => Get(dictionary, key) as PdfArray;

    public static string? Name(PdfDictionary? dictionary, string key) => (Get(dictionary, key) as PdfName)?.Value;

    public static double? Number(PdfItem? item) => Resolve(item) switch
    {
        PdfInteger i => i.Value,
        PdfReal r => r.Value,
        PdfLongInteger l => l.Value,
        PdfIntegerObject io => io.Value,
        PdfRealObject ro => ro.Value,
        _ => null,
    };

    public static double? Number(PdfDictionary? dictionary, string key) => Number(Get(dictionary, key));

    public static IEnumerable<PdfItem?> Items(PdfArray? array)
    {
        if (array is null) yield break;
        foreach (var item in array.Elements) yield return Resolve(item);
    }

    public static Matrix? Matrix(PdfArray? array)
    {
        if (array is null || array.Elements.Count != 6) return null;
        var values = Items(array).Select(Number).ToArray();
        if (values.Any(v => v is null)) return null;
        return new Matrix(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value, values[4]!.Value, values[5]!.Value);
    }
}
