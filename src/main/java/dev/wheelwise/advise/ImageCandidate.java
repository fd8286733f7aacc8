package dev.wheelwise.advise;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One candidate image on one platform, as the catalog knows it: what pip there sees
 * ({@link #target()}) and what a build there has. Unknown facts stay empty.
 *
 * @param image the reference as the user would write it ({@code python:3.12-alpine})
 * @param platform the OCI platform ({@code linux/amd64})
 * @param python the image's Python ({@code 3.12.12})
 * @param libc {@code glibc} or {@code musl}
 * @param libcVersion its version when known ({@code 1.2.5})
 * @param packageManager {@code apk} or {@code apt}, empty when unknown
 * @param compilers compilers and build tools the image ships ({@code gcc}, {@code make})
 * @param systemPackages system packages the image is known to provide (headers, libraries)
 * @param systemPackagesKnown true when {@code systemPackages} is the whole story for builds (a
 *     slim or alpine image without -dev packages); false for images that ship headers the
 *     catalog does not list (the full {@code buildpack-deps} variants), where a missing package
 *     is only "not known to be there"
 * @param baseBytes uncompressed size of the image, when recorded
 * @param siblings other images of the same Python the catalog knows (slim, full, alpine…)
 * @param target what pip's file choice sees on this image
 */
public record ImageCandidate(
    String image,
    String platform,
    String python,
    String libc,
    Optional<String> libcVersion,
    Optional<String> packageManager,
    Set<String> compilers,
    Set<String> systemPackages,
    boolean systemPackagesKnown,
    OptionalLong baseBytes,
    List<String> siblings,
    ChooserTarget target) {

  public ImageCandidate {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(libc, "libc");
    Objects.requireNonNull(libcVersion, "libcVersion");
    Objects.requireNonNull(packageManager, "packageManager");
    compilers = Set.copyOf(compilers);
    systemPackages = Set.copyOf(systemPackages);
    Objects.requireNonNull(baseBytes, "baseBytes");
    siblings = List.copyOf(siblings);
    Objects.requireNonNull(target, "target");
  }

  public boolean isMusl() {
    return libc.equals("musl");
  }
}
