package dev.muster.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of {@code /proc/self/mountinfo}.
 *
 * @param mountPoint where it is mounted
 * @param fsType     the file system type ({@code ext4}, {@code overlay}, {@code nfs4}, {@code fuse.hf-mount})
 * @param source     what is mounted ({@code /dev/vda1}, {@code server:/export})
 */
public record Mount(Path mountPoint, String fsType, String source) {
    public Mount {
        Objects.requireNonNull(mountPoint, "mountPoint");
        Objects.requireNonNull(fsType, "fsType");
        source = source == null ? "" : source;
    }

    /**
     * Whether this is a network or userspace file system (NFS, FUSE such as bucket mounts, SMB, Ceph,
     * GlusterFS, 9p): no reliable {@code flock}, fsyncs that can be lost, eventual consistency.
     */
    public boolean isNetworkOrFuse() {
        String type = fsType.toLowerCase(Locale.ROOT);
        return type.startsWith("nfs") || type.startsWith("fuse") || type.startsWith("cifs") || type.startsWith("smb")
                || type.equals("ceph") || type.equals("glusterfs") || type.equals("9p") || type.equals("lustre")
                || type.equals("afs") || type.equals("davfs");
    }

    /** Whether this is the container's own writable layer (an overlay at /): lost when the container is replaced. */
    public boolean isContainerLayer() {
        return mountPoint.toString().equals("/") && fsType.equals("overlay");
    }

    public String describe() {
        return fsType + " (" + source + ") mounted at " + mountPoint;
    }
}
