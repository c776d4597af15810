using System.Runtime.InteropServices;

namespace BulletinIngest.Storage;

/// <summary>
/// What a file's metadata says of it without reading it, as git's index keeps it: size, modification and change
/// times (nanoseconds), inode and device, and when it was looked at (<see cref="SeenNs"/>). A rewrite changes the
/// change time even when the modification time is set back (only the kernel sets it), so an equal stamp means the
/// same content, unless the file was written again within the timestamps' granularity after it was looked at: a
/// stamp is trusted only when the file had not changed for <see cref="SettleTime"/> before it was taken (git's
/// "racily clean" files, which it hashes again).
/// </summary>
public readonly record struct FileStamp(long Size, long ModifiedNs, long ChangedNs, ulong Inode, ulong Device, long SeenNs)
{
    /// <summary>Coarse file timestamps (a kernel tick, up to 2 s on FAT) leave a change this soon after a look unseen.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>True when <paramref name="now"/> is this stamp's file unchanged and this stamp can vouch for it.</summary>
    public bool Vouches(FileStamp now) =>
        (Size, ModifiedNs, ChangedNs, Inode, Device) == (now.Size, now.ModifiedNs, now.ChangedNs, now.Inode, now.Device)
        && SeenNs - Math.Max(ModifiedNs, ChangedNs) >= SettleTime.Ticks * 100;

    /// <summary>The stamp of a regular file now (following symlinks), or null when it cannot be had (not Linux, not a regular file).</summary>
    public static FileStamp? Of(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        long seen = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        var buffer = new byte[StatxSize];
        if (Statx(path, buffer) != 0) return null;
        // struct statx (the same on every architecture): stx_mask u32 at 0, stx_mode u16 at 28, stx_ino u64 at 32,
        // stx_size u64 at 40, stx_ctime at 96 and stx_mtime at 112 (tv_sec i64, tv_nsec u32), stx_dev_major/minor u32 at 136/140.
        const uint needed = 0x40 | 0x80 | 0x100 | 0x200; // STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE
        if ((BitConverter.ToUInt32(buffer, 0) & needed) != needed || (BitConverter.ToUInt16(buffer, 28) & 0xF000) != 0x8000) return null;
        return new FileStamp(BitConverter.ToInt64(buffer, 40), Nanoseconds(buffer, 112), Nanoseconds(buffer, 96),
            BitConverter.ToUInt64(buffer, 32), DeviceOf(buffer), seen);
    }

    private static long Nanoseconds(byte[] buffer, int offset) =>
        BitConverter.ToInt64(buffer, offset) * 1_000_000_000 + BitConverter.ToUInt32(buffer, offset + 8);

    internal static ulong DeviceOf(byte[] buffer) => ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);

    /// <summary>statx(2) of a path, following symlinks, into a <see cref="StatxSize"/>-byte buffer; 0 on success (Linux only).</summary>
    internal static int Statx(string path, byte[] buffer) => StatX(AtCurrentFolder, path, 0, StatxBasicStats, buffer);

    internal const int StatxSize = 256;
    private const int AtCurrentFolder = -100;
    private const uint StatxBasicStats = 0x7FF;

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int StatX(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
