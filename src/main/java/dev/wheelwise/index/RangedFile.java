package dev.wheelwise.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file on a server, read in byte ranges (RFC 9110 §14): first its last bytes (the answer
 * also tells its size), then whatever else is asked for, at least {@value #CHUNK} bytes at a
 * time, each piece fetched once. A server that ignores ranges sends the whole file with the first answer;
 * that body is checked against the index's hash of the file, as pip checks a download; or, when
 * only ranges are wanted, it is not read at all and the read fails ({@link IndexError#rangesRefused}).
 */
final class RangedFile implements ZipDirectory.Bytes {
  static final int CHUNK = 64 * 1024;
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  private record Piece(long start, byte[] bytes) {
    boolean covers(long offset, int length) {
      return offset >= start && offset + length <= start + bytes.length;
    }
  }

  private final HttpFetcher fetcher;
  private final String url;
  private final long size;
  private final boolean rangesOnly;
  private final List<Piece> pieces = new ArrayList<>();

  /**
   * @param hashes the index's hashes of the whole file, checked when the server sends all of it
   * @param tail how many bytes to ask for first, from the end
   * @param rangesOnly never download the whole file: a server that answers 200 fails the read
   */
  RangedFile(HttpFetcher fetcher, String url, Map<String, String> hashes, int tail, boolean rangesOnly) throws IndexError {
    this.fetcher = fetcher;
    this.url = url;
    this.rangesOnly = rangesOnly;
    HttpFetcher.Result first = get("bytes=-" + tail);
    if (first.code() == 200) {
      IndexClient.verify(first.body(), hashes, url);
      size = first.body().length;
      pieces.add(new Piece(0, first.body()));
      return;
    }
    pieces.add(piece(first));
    // piece() has checked the header's shape: bytes START-END/TOTAL.
    size = Long.parseLong(first.contentRange().substring(first.contentRange().lastIndexOf('/') + 1));
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte[] read(long offset, int length) throws IndexError {
    if (offset < 0 || length < 0 || offset + length > size) {
      throw new IndexError(url, "asked for bytes " + offset + "+" + length + " of a " + size + "-byte file");
    }
    for (Piece p : pieces) {
      if (p.covers(offset, length)) {
        return slice(p, offset, length);
      }
    }
    long end = Math.min(size, offset + Math.max(length, CHUNK)) - 1;
    Piece p = piece(get("bytes=" + offset + "-" + end));
    if (!p.covers(offset, length)) {
      throw new IndexError(url, "asked for bytes " + offset + "-" + end + ", got " + p.start() + "-" + (p.start() + p.bytes().length - 1));
    }
    pieces.add(p);
    return slice(p, offset, length);
  }

  private HttpFetcher.Result get(String range) throws IndexError {
    HttpFetcher.Result r = fetcher.getRange(url, range, !rangesOnly);
    if (r.code() == 200 && rangesOnly) {
      throw new IndexError(url, "the server does not answer byte ranges (HTTP 200 to a Range request); the file was not downloaded")
          .markRangesRefused();
    }
    return r;
  }

  /** A 206 answer as the piece it holds; a 200 is the whole file. */
  private Piece piece(HttpFetcher.Result r) throws IndexError {
    if (r.code() == 200) {
      return new Piece(0, r.body());
    }
    if (r.code() != 206) {
      throw new IndexError(url, "HTTP " + r.code() + " for a byte range of the file");
    }
    Matcher m = CONTENT_RANGE.matcher(r.contentRange());
    if (!m.matches() || Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1 != r.body().length) {
      throw new IndexError(url, "HTTP 206 with Content-Range '" + r.contentRange() + "' and " + r.body().length + " bytes");
    }
    return new Piece(Long.parseLong(m.group(1)), r.body());
  }

  private static byte[] slice(Piece p, long offset, int length) {
    int from = (int) (offset - p.start());
    return java.util.Arrays.copyOfRange(p.bytes(), from, from + length);
  }
}
