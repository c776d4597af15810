using BulletinIngest.Storage;

namespace BulletinIngest.Pipeline;

/// <summary>
/// The files below the given files and folders, in a stable order. Only regular files are taken (a named
/// pipe would block the batch, /dev/zero would fill memory); each folder is visited once by its real identity
/// (device and inode), so a symlink loop or two links to one folder add nothing twice. Folders that cannot be
/// listed are returned as entries too, so the batch records them with a reason instead of stopping.
/// </summary>
public static class FolderWalk
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var visited = new HashSet<(ulong Device, ulong Inode)>();
        var found = new List<string>();
        foreach (var path in paths)
        {
            var kind = Stat(path, out var identity);
            if (kind == EntryKind.Missing && !File.Exists(path) && !Directory.Exists(path))
                throw new FileNotFoundException($"no such file or folder: {path}", path);
            if (kind == EntryKind.Directory) Walk(Path.GetFullPath(path), identity, visited, found);
            else if (kind is EntryKind.Regular or EntryKind.Missing) found.Add(path); // Missing: exists but cannot be examined
        }
        return found.Select(Path.GetFullPath).Distinct().ToList();
    }

    private static void Walk(string root, (ulong, ulong) rootIdentity, HashSet<(ulong, ulong)> visited, List<string> found)
    {
        var files = new List<string>();
        var pending = new Stack<(string Path, (ulong, ulong) Identity)>();
        pending.Push((root, rootIdentity));
        while (pending.Count > 0)
        {
            var (folder, identity) = pending.Pop();
            if (!visited.Add(identity)) continue;
            List<string> entries;
            try { entries = Directory.EnumerateFileSystemEntries(folder).ToList(); }
            catch (Exception error) when (error is UnauthorizedAccessException or IOException)
            {
                files.Add(folder); // recorded as unreadable by the pipeline
                continue;
            }
            foreach (var entry in entries)
            {
                if (Path.GetFileName(entry).StartsWith('.')) continue;
                switch (Stat(entry, out var entryIdentity))
                {
                    case EntryKind.Directory: pending.Push((entry, entryIdentity)); break;
                    case EntryKind.Regular: files.Add(entry); break;
                    case EntryKind.Missing: files.Add(entry); break; // a broken link or no permission: recorded with its reason
                }
            }
        }
        found.AddRange(files.Order(StringComparer.Ordinal));
    }

    private enum EntryKind { Regular, Directory, Other, Missing }

    /// <summary>What a path is after following symlinks, and its (device, inode).</summary>
    private static EntryKind Stat(string path, out (ulong Device, ulong Inode) identity)
    {
        identity = (0, (ulong)StringComparer.Ordinal.GetHashCode(Path.GetFullPath(path)));
        if (!OperatingSystem.IsLinux())
            return Directory.Exists(path) ? EntryKind.Directory : File.Exists(path) ? EntryKind.Regular : EntryKind.Missing;
        var buffer = new byte[FileStamp.StatxSize];
        if (FileStamp.Statx(path, buffer) != 0) return EntryKind.Missing;
        // struct statx: stx_mode (u16) at 28, stx_ino (u64) at 32 (FileStamp reads the rest).
        int mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        identity = (FileStamp.DeviceOf(buffer), BitConverter.ToUInt64(buffer, 32));
        return mode switch { 0x8000 => EntryKind.Regular, 0x4000 => EntryKind.Directory, _ => EntryKind.Other };
    }
}
