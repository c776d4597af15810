using BulletinIngest.Extraction;
using BulletinIngest.Reading;
using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Tests.Pdf;

/// <summary>
/// Government PDFs "encrypted" with an owner password only (printing and copying forbidden, empty user
/// password) are read like the plain file; a real user password is refused. Fixtures: scripts/make_encrypted_fixtures.sh.
/// </summary>
public class PdfEncryptionTests
{
    private static readonly PdfReader Reader = new();
    private static readonly string Plain = RepoPaths.Bulletin("pdf/004_1f00e35fffe70a01.chrome.pdf");

    private static List<string> Figures(DocumentText text) =>
        new BulletinExtractor().Extract(text, "004_1f00e35fffe70a01.pdf").Figures
            .Select(f => $"{f.Region}|{f.Project}|{f.Indicator}|{f.Target}|{f.Actual}|{f.Unit}|{f.Percent}|{f.Start}-{f.End}").ToList();

    [Theory]
    [InlineData("004.owner-only.rc4-128.pdf")]
    [InlineData("004.owner-only.aes-256.pdf")]
    public void Owner_password_only_pdf_gives_the_same_text_and_figures_as_the_plain_file(string fixture)
    {
        var plain = Reader.Read(File.ReadAllBytes(Plain));
        var encrypted = Reader.Read(File.ReadAllBytes(RepoPaths.Fixture("encrypted/" + fixture)));
        Assert.Equal(plain.FullText, encrypted.FullText);
        var expected = Figures(plain);
        Assert.True(expected.Count > 20, $"{expected.Count} figures in the plain file");
        Assert.Equal(expected, Figures(encrypted));
    }

    [Fact]
    public void Pdf_with_a_user_password_is_refused_as_encrypted()
    {
        var error = Assert.Throws<DocumentRejectedException>(() =>
            Reader.Read(File.ReadAllBytes(RepoPaths.Fixture("encrypted/004.user-password.aes-256.pdf"))));
        Assert.Equal(RejectReason.Encrypted, error.Reason);
    }
}
