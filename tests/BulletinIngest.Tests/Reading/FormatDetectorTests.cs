using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Reading;

/// <summary>The broken files of the corpus that the reading stage refuses before any PDF parsing.</summary>
public class FormatDetectorTests
{
    [Theory]
    [InlineData("legacy.doc", RejectReason.UnsupportedFormat, "legacy Word")]
    [InlineData("notazip.docx", RejectReason.Corrupt, "not a DOCX package")]
    [InlineData("garbage.pdf", RejectReason.Corrupt, "not a PDF")]
    [InlineData("empty.pdf", RejectReason.Empty, "empty")]
    [InlineData("binary.txt", RejectReason.Binary, "binary")]
    [InlineData("bomb.docx", RejectReason.TooLarge, "zip bomb")]
    public void Broken_files_are_refused_with_a_clear_reason(string file, RejectReason reason, string words)
    {
        var error = Assert.Throws<DocumentRejectedException>(() => new DocumentReader().Read(RepoPaths.Fixture("bad/" + file)));
        Assert.Equal(reason, error.Reason);
        Assert.Contains(words, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Format_comes_from_content_not_name()
    {
        byte[] pdf = File.ReadAllBytes(RepoPaths.Bulletin("pdf/004_1f00e35fffe70a01.cairo.pdf"));
        Assert.Equal(FileFormat.Pdf, FormatDetector.Detect(pdf, "misnamed.txt"));
        byte[] docx = File.ReadAllBytes(RepoPaths.Bulletin("docx/004_1f00e35fffe70a01.docx"));
        Assert.Equal(FileFormat.Docx, FormatDetector.Detect(docx, "misnamed.pdf"));
    }

    [Fact]
    public void A_zip_that_is_not_a_word_package_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(zip.CreateEntry("data.csv").Open())) writer.Write("a,b");
        var error = Assert.Throws<DocumentRejectedException>(() => FormatDetector.Detect(stream.ToArray()));
        Assert.Equal(RejectReason.UnsupportedFormat, error.Reason);
    }
}
