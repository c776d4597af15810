namespace BulletinIngest.Reading.Pdf.Fonts;

/// <summary>
/// Reads the Unicode 'cmap' subtable of an embedded TrueType program and inverts it (glyph id → text), so a
/// CIDFontType2 font without a ToUnicode map can still be read through its glyph ids. Formats 4 and 12,
/// platform Windows Unicode (3,1 / 3,10) or Unicode (0,x). Anything malformed gives an empty map.
/// </summary>
internal static class TrueTypeCmap
{
    public static Dictionary<int, string> GlyphToText(byte[] font)
    {
        var map = new Dictionary<int, string>();
        try
        {
            int tables = U16(font, 4);
            int cmap = -1;
            for (int i = 0; i < tables; i++)
            {
                int record = 12 + 16 * i;
                if (font[record] == 'c' && font[record + 1] == 'm' && font[record + 2] == 'a' && font[record + 3] == 'p')
                    cmap = (int)U32(font, record + 8);
            }
            if (cmap < 0) return map;
            int best = -1, bestRank = 0;
            for (int i = 0, count = U16(font, cmap + 2); i < count; i++)
            {
                int platform = U16(font, cmap + 4 + 8 * i), encoding = U16(font, cmap + 6 + 8 * i);
                int rank = (platform, encoding) switch { (3, 10) => 4, (0, 4) or (0, 6) => 3, (3, 1) => 2, (0, _) => 1, _ => 0 };
                if (rank > bestRank) { bestRank = rank; best = cmap + (int)U32(font, cmap + 8 + 8 * i); }
            }
            if (best < 0) return map;
            switch (U16(font, best))
            {
                case 4: ReadFormat4(font, best, map); break;
                case 12: ReadFormat12(font, best, map); break;
            }
        }
        catch (IndexOutOfRangeException)
        {
            // A truncated or damaged font program: keep what was read.
        }
        return map;
    }

    private static void ReadFormat4(byte[] font, int table, Dictionary<int, string> map)
    {
        int segments = U16(font, table + 6) / 2;
        int ends = table + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, offsets = deltas + 2 * segments;
        for (int s = 0; s < segments; s++)
        {
            int end = U16(font, ends + 2 * s), start = U16(font, starts + 2 * s);
            int delta = (short)U16(font, deltas + 2 * s), rangeOffset = U16(font, offsets + 2 * s);
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph = rangeOffset == 0 ? (c + delta) & 0xFFFF
                    : U16(font, offsets + 2 * s + rangeOffset + 2 * (c - start)) is var g && g != 0 ? (g + delta) & 0xFFFF : 0;
                if (glyph != 0) map.TryAdd(glyph, char.ConvertFromUtf32(c is >= 0xD800 and <= 0xDFFF ? 0xFFFD : c));
            }
        }
    }

    private static void ReadFormat12(byte[] font, int table, Dictionary<int, string> map)
    {
        long groups = U32(font, table + 12);
        for (long g = 0; g < groups && g < 100_000; g++)
        {
            int record = table + 16 + (int)(12 * g);
            long start = U32(font, record), end = U32(font, record + 4), glyph = U32(font, record + 8);
            for (long c = start; c <= end && c <= 0x10FFFF && c - start < 65536; c++)
                if (c is < 0xD800 or > 0xDFFF) map.TryAdd((int)(glyph + c - start), char.ConvertFromUtf32((int)c));
        }
    }

    private static int U16(byte[] data, int offset) => (data[offset] << 8) | data[offset + 1];

    private static long U32(byte[] data, int offset) => ((long)data[offset] << 24) | ((long)data[offset + 1] << 16) | ((long)data[offset + 2] << 8) | data[offset + 3];
}
