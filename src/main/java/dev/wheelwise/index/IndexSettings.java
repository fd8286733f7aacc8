package dev.wheelwise.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which indexes to ask and how to combine them.
 *
 * @param indexUrl the main index ({@code --index-url}); empty list semantics via {@code noIndex}
 * @param extraIndexUrls {@code --extra-index-url}, in order
 * @param findLinks {@code --find-links}: local folders or URLs of HTML pages
 * @param noIndex {@code --no-index}: only find-links
 * @param strategy pip merges every index; uv stops at the first index that has the project
 */
public record IndexSettings(
    String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex, Strategy strategy) {

  public static final String PYPI = "https://pypi.org/simple";

  public enum Strategy {
    /** pip: files from every index are candidates together; version and tags decide. */
    MERGE_ALL,
    /**
     * uv's default {@code first-index}: indexes are tried in uv's priority order (extra index
     * URLs before the default index) and the first that knows the project is the only one used.
     */
    FIRST_INDEX
  }

  public IndexSettings {
    Objects.requireNonNull(indexUrl, "indexUrl");
    extraIndexUrls = List.copyOf(extraIndexUrls);
    findLinks = List.copyOf(findLinks);
    Objects.requireNonNull(strategy, "strategy");
  }

  public static IndexSettings pypi() {
    return new IndexSettings(PYPI, List.of(), List.of(), false, Strategy.MERGE_ALL);
  }

  /** The indexes in the order they are asked (uv puts extras before the default index). */
  public List<IndexLocation> locations() {
    if (noIndex) {
      return List.of();
    }
    List<IndexLocation> out = new ArrayList<>();
    if (strategy == Strategy.FIRST_INDEX) {
      extraIndexUrls.forEach(u -> out.add(IndexLocation.parse(u)));
      out.add(IndexLocation.parse(indexUrl));
    } else {
      out.add(IndexLocation.parse(indexUrl));
      extraIndexUrls.forEach(u -> out.add(IndexLocation.parse(u)));
    }
    return out;
  }

  public IndexSettings withStrategy(Strategy s) {
    return new IndexSettings(indexUrl, extraIndexUrls, findLinks, noIndex, s);
  }
}
