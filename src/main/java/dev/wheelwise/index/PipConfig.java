package dev.wheelwise.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The install options pip takes from its configuration files and {@code PIP_*} variables,
 * before the command line: what {@code pip install} would start from.
 *
 * @param indexUrl {@code index-url} (alias {@code pypi-url}), empty for pip's default
 * @param extraIndexUrls {@code extra-index-url}, in order
 * @param findLinks {@code find-links}, in order
 * @param noIndex {@code no-index}
 * @param formats {@code only-binary} / {@code no-binary} values in the order pip applies them
 * @param preferBinary {@code prefer-binary}
 * @param pre {@code pre}
 * @param use where they came from
 */
public record PipConfig(
    Optional<String> indexUrl,
    List<String> extraIndexUrls,
    List<String> findLinks,
    boolean noIndex,
    List<Format> formats,
    boolean preferBinary,
    boolean pre,
    PipConfigUse use) {

  /** One {@code --only-binary} ({@code onlyBinary}) or {@code --no-binary} value, as pip's callback receives it. */
  public record Format(boolean onlyBinary, String value) {}

  public PipConfig {
    Objects.requireNonNull(indexUrl, "indexUrl");
    extraIndexUrls = List.copyOf(extraIndexUrls);
    findLinks = List.copyOf(findLinks);
    formats = List.copyOf(formats);
    Objects.requireNonNull(use, "use");
  }

  /** The index settings these options give, merged as pip merges every index. */
  public IndexSettings settings() {
    return new IndexSettings(indexUrl.orElse(IndexSettings.PYPI), extraIndexUrls, findLinks, noIndex, IndexSettings.Strategy.MERGE_ALL);
  }
}
