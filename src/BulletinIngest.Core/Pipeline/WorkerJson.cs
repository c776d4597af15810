using System.Text.Json.Serialization;

namespace BulletinIngest.Pipeline;

/// <summary>
/// The worker protocol's JSON (<see cref="WorkerRequest"/> lines in, <see cref="FileAnalysis"/> lines out), its
/// serializers generated at build time: the same bytes as the reflection-based serializer writes (a test compares
/// them), without building converters by reflection at start-up in every worker and ingest, or JIT-compiling their
/// generic code (ReadyToRun precompiles the generated code with ours).
/// </summary>
[JsonSerializable(typeof(FileAnalysis))]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(string))]
public sealed partial class WorkerJson : JsonSerializerContext;
