using System.Text.Json;
using BulletinIngest.Pipeline;

namespace BulletinIngest.Tests.Pipeline;

/// <summary>The worker protocol's generated serializers against the reflection-based ones they replaced.</summary>
public class WorkerJsonTests
{
    [Fact]
    public void Generated_serializers_write_and_read_what_the_reflection_serializer_does_for_every_sample_bulletin()
    {
        var analyzer = PipelineFactory.Create().Analyzer;
        var files = IngestPipeline.ExpandPaths([RepoPaths.Bulletins]).Files;
        Assert.True(files.Count >= 20, $"only {files.Count} sample files");
        foreach (var path in files)
        {
            var analysis = analyzer.Analyze(path, File.ReadAllBytes(path));
            Assert.NotNull(analysis.Extraction);
            byte[] reflection = JsonSerializer.SerializeToUtf8Bytes(analysis);
            byte[] generated = JsonSerializer.SerializeToUtf8Bytes(analysis, WorkerJson.Default.FileAnalysis);
            Assert.True(reflection.AsSpan().SequenceEqual(generated), $"{Path.GetFileName(path)}: the generated JSON differs");

            // Read back by each, the answers are the same again (what the ingest stores comes from these).
            var readGenerated = JsonSerializer.Deserialize(generated, WorkerJson.Default.FileAnalysis);
            var readReflection = JsonSerializer.Deserialize<FileAnalysis>(reflection);
            Assert.True(reflection.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(readGenerated)), $"{Path.GetFileName(path)}: read back differs");
            Assert.True(reflection.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(readReflection)), $"{Path.GetFileName(path)}: reflection round trip differs");
        }
    }

    [Fact]
    public void A_request_line_and_the_ready_line_are_what_the_reflection_serializer_writes()
    {
        var request = new WorkerRequest(42, "/tmp/a b/公报.pdf");
        Assert.Equal(JsonSerializer.Serialize(request), JsonSerializer.Serialize(request, WorkerJson.Default.WorkerRequest));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(WorkerPool.ReadyAnswer), WorkerPool.ReadyLine);
    }
}
