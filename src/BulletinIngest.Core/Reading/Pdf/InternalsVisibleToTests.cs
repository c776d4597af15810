using System.Runtime.CompilerServices;

// The font and CMap stages are internal; their tests drive them directly.
[assembly: InternalsVisibleTo("BulletinIngest.Tests")]
