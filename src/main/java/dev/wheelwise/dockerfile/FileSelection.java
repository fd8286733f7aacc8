package dev.wheelwise.dockerfile;

import java.util.List;

/**
 * The settings of a Python install that decide which files are chosen and how, from its
 * options and the environment ({@code PIP_*}, {@code UV_*}) in effect. Null or empty when not
 * set. {@code onlyBinary}/{@code noBinary} hold the values as written ({@code :all:},
 * {@code :none:}, names). {@code noCache} is true with {@code --no-cache-dir}, {@code
 * --no-cache}, {@code PIP_NO_CACHE_DIR} or {@code UV_NO_CACHE}; {@code cacheMounts} are the
 * targets of {@code RUN --mount=type=cache}.
 */
public record FileSelection(
    String indexUrl,
    List<String> extraIndexUrls,
    List<String> findLinks,
    boolean preferBinary,
    List<String> onlyBinary,
    List<String> noBinary,
    boolean pre,
    boolean requireHashes,
    boolean noCache,
    List<String> cacheMounts,
    boolean user,
    String target,
    boolean breakSystemPackages) {

  public FileSelection {
    extraIndexUrls = List.copyOf(extraIndexUrls);
    findLinks = List.copyOf(findLinks);
    onlyBinary = List.copyOf(onlyBinary);
    noBinary = List.copyOf(noBinary);
    cacheMounts = List.copyOf(cacheMounts);
  }
}
