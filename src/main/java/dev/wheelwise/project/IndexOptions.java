package dev.wheelwise.project;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pip options a requirements file may set for the whole install (pip's
 * {@code req_file.py} global options).
 *
 * @param indexUrl {@code -i/--index-url}, the last one given
 * @param extraIndexUrls {@code --extra-index-url}, in order
 * @param noIndex {@code --no-index}
 * @param findLinks {@code -f/--find-links}
 * @param noBinary {@code --no-binary} names (normalized; {@code :all:} and {@code :none:} kept)
 * @param onlyBinary {@code --only-binary} names, likewise
 * @param preferBinary {@code --prefer-binary}
 * @param pre {@code --pre}
 * @param requireHashes {@code --require-hashes}, or implied by any {@code --hash}
 * @param trustedHosts {@code --trusted-host}
 */
public record IndexOptions(
    Optional<String> indexUrl,
    List<String> extraIndexUrls,
    boolean noIndex,
    List<String> findLinks,
    Set<String> noBinary,
    Set<String> onlyBinary,
    boolean preferBinary,
    boolean pre,
    boolean requireHashes,
    List<String> trustedHosts) {

  public static final IndexOptions NONE =
      new IndexOptions(Optional.empty(), List.of(), false, List.of(), Set.of(), Set.of(), false, false, false, List.of());

  public IndexOptions {
    Objects.requireNonNull(indexUrl, "indexUrl");
    extraIndexUrls = List.copyOf(extraIndexUrls);
    findLinks = List.copyOf(findLinks);
    noBinary = Set.copyOf(noBinary);
    onlyBinary = Set.copyOf(onlyBinary);
    trustedHosts = List.copyOf(trustedHosts);
  }
}
