using System.Text;

namespace BulletinIngest.Reading.Pdf.Fonts;

/// <summary>
/// The predefined CMaps a Type0 font may name instead of embedding one. Identity-H/V map two-byte codes to
/// CIDs. The Chinese ones (GBK-EUC, GB-EUC, GBpc-EUC, GBK2K, the Big Five ones) and every Unicode-based one
/// (Uni*-UCS2, Uni*-UTF16) carry the text in a known encoding, so a font without a ToUnicode map is still
/// read by decoding the code bytes through GB18030, Big5 or UTF-16 - without the Adobe CID tables.
/// </summary>
internal static class PredefinedCMaps
{
    static PredefinedCMaps() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding CMap for a predefined name, and the text decoder for its codes (null for Identity).</summary>
    public static (CMap Map, Encoding? TextEncoding)? Find(string name)
    {
        bool vertical = name.EndsWith("-V", StringComparison.Ordinal);
        if (name is "Identity-H" or "Identity-V") return (CMap.Identity(vertical), null);

        var map = new CMap();
        string family = name.EndsWith("-H", StringComparison.Ordinal) || vertical ? name[..^2] : name;
        switch (family)
        {
            case "GBK-EUC" or "GBKp-EUC":
                map.AddCodespace(1, 0x00, 0x80);
                map.AddCodespace(2, 0x8140, 0xFEFE);
                return (map, Gb18030);
            case "GBK2K":
                map.AddCodespace(1, 0x00, 0x80);
                map.AddCodespace(2, 0x8140, 0xFEFE);
                map.AddCodespace(4, unchecked((int)0x81308130), unchecked((int)0xFE39FE39));
                return (map, Gb18030);
            case "GB-EUC" or "GBpc-EUC" or "GBT-EUC" or "GBTpc-EUC":
                map.AddCodespace(1, 0x00, 0x80);
                map.AddCodespace(2, 0xA1A1, 0xFEFE);
                return (map, Gb18030);
            case "B5pc" or "ETen-B5" or "HKscs-B5" or "ETenms-B5":
                map.AddCodespace(1, 0x00, 0x80);
                map.AddCodespace(2, 0xA140, 0xFEFE);
                return (map, Encoding.GetEncoding(950));
        }
        if (family.StartsWith("Uni", StringComparison.Ordinal) && family.EndsWith("-UCS2", StringComparison.Ordinal))
        {
            map.AddCodespace(2, 0x0000, 0xFFFF);
            return (map, Encoding.BigEndianUnicode);
        }
        if (family.StartsWith("Uni", StringComparison.Ordinal) && family.EndsWith("-UTF16", StringComparison.Ordinal))
        {
            map.AddCodespace(2, 0x0000, 0xD7FF);
            map.AddCodespace(4, unchecked((int)0xD800DC00), unchecked((int)0xDBFFDFFF));
            map.AddCodespace(2, 0xE000, 0xFFFF);
            return (map, Encoding.BigEndianUnicode);
        }
        return null;
    }

    private static Encoding Gb18030 => Encoding.GetEncoding("GB18030");
}
