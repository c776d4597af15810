using BulletinIngest.Reading;
using BulletinIngest.Reading.Ocr;
using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Tests.Pdf;

/// <summary>The broken, protected and scanned PDFs of the corpus are refused with a specific reason, quickly.</summary>
public class PdfRejectionTests
{
    private static readonly PdfReader Reader = new(OcrMode.Never);

    private static DocumentRejectedException Refusal(string fixture) =>
        Assert.Throws<DocumentRejectedException>(() => Reader.Read(File.ReadAllBytes(RepoPaths.Fixture(fixture))));

    [Fact]
    public void Empty_file_is_refused_as_empty() => Assert.Equal(RejectReason.Empty, Refusal("bad/empty.pdf").Reason);

    [Fact]
    public void Truncated_file_is_refused_as_corrupt_with_pdfsharps_reason()
    {
        var error = Refusal("bad/truncated.pdf");
        Assert.Equal(RejectReason.Corrupt, error.Reason);
        Assert.Contains("StartXRef", error.Message);
    }

    [Fact]
    public void Garbage_is_refused_as_corrupt()
    {
        var error = Refusal("bad/garbage.pdf");
        Assert.Equal(RejectReason.Corrupt, error.Reason);
        Assert.Contains("not a valid PDF", error.Message);
    }

    [Fact]
    public void File_with_a_user_password_is_refused_as_encrypted() =>
        Assert.Equal(RejectReason.Encrypted, Refusal("bad/encrypted.pdf").Reason);

    [Fact]
    public void File_encrypted_with_an_empty_user_password_is_read()
    {
        // AES-256 with only an owner password (qpdf --encrypt "" owner 256), pages 1-2 of 004's LibreOffice PDF.
        var document = Reader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests/BulletinIngest.Tests/Pdf/Fixtures/owner-password-only.pdf")));
        Assert.Equal(2, document.PageCount);
        Assert.Contains("完成全年任务", document.FullText);
    }

    [Fact]
    public void Scanned_pdf_with_ocr_off_is_refused_as_needing_ocr_naming_the_pages()
    {
        var error = Refusal("scan/004_1f00e35fffe70a01.scan.pdf");
        Assert.Equal(RejectReason.NeedsOcr, error.Reason);
        Assert.Contains("pages 1-5", error.Message);
        Assert.Contains("OCR is off", error.Message);
        Assert.Equal("needs-ocr", error.Status);
    }

    [Fact]
    public void Through_the_reading_stage_pdfs_go_to_the_pdf_reader()
    {
        var document = new DocumentReader().Read(RepoPaths.Bulletin("pdf/004_1f00e35fffe70a01.lo.pdf"));
        Assert.Equal("pdf", document.Format);
        Assert.Equal(5, document.PageCount);
    }
}
