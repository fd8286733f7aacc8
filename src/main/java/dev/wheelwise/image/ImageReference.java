package dev.wheelwise.image;

import dev.wheelwise.SourceSpan;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference as Docker reads it (distribution/reference {@code ParseNormalizedNamed}):
 * {@code [registry[:port]/]path[:tag][@algorithm:hex]}. Normalized at parse time, so equal
 * references are equal values: the registry defaults to {@code docker.io} ({@code
 * index.docker.io} is the same), single-component Docker Hub names get {@code library/}, and
 * the tag defaults to {@code latest} unless a digest pins the image.
 *
 * @param registry {@code docker.io}, {@code ghcr.io}, {@code localhost:5000}
 * @param repository the path, e.g. {@code library/python}
 * @param tag the tag; empty only when a digest was given without one
 * @param digest {@code sha256:…} when given
 */
public record ImageReference(String registry, String repository, Optional<String> tag, Optional<String> digest) {

  public static final String DOCKER_HUB = "docker.io";
  private static final String SOURCE = "<image reference>";
  private static final int MAX_NAME = 255;

  private static final Pattern DOMAIN_COMPONENT = Pattern.compile("[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]");
  private static final Pattern IPV6 = Pattern.compile("\\[[a-fA-F0-9:]+\\]");
  private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
  private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

  public ImageReference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = Optional.of("latest");
    }
  }

  /** A reference to {@code registry/repository:tag} with no digest. */
  public static ImageReference of(String registry, String repository, String tag) {
    return new ImageReference(registry, repository, Optional.of(tag), Optional.empty());
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidImageReference e) {
      return false;
    }
  }

  /** Parses as {@code docker pull} does, or says which part is wrong and what was expected. */
  public static ImageReference parse(String text) throws InvalidImageReference {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw error(text, 0, 1, "expected an image reference such as python:3.12-slim, got nothing");
    }
    if (HEX64.matcher(text).matches()) {
      throw error(text, 0, text.length(),
          "a 64-character hexadecimal string is an image ID, not a reference; expected NAME[:TAG] or NAME@sha256:DIGEST");
    }
    int at = text.indexOf('@');
    String namePart = at < 0 ? text : text.substring(0, at);
    Optional<String> digest = Optional.empty();
    if (at >= 0) {
      digest = Optional.of(parseDigest(text, at + 1));
    }
    int lastSlash = namePart.lastIndexOf('/');
    int colon = namePart.indexOf(':', lastSlash + 1);
    Optional<String> tag = Optional.empty();
    String name = namePart;
    if (colon >= 0) {
      String t = namePart.substring(colon + 1);
      if (!TAG.matcher(t).matches()) {
        throw error(text, colon + 1, Math.max(1, t.length()),
            "expected a tag after ':' (1 to 128 of letters, digits, '_', '.', '-', not starting with '.' or '-'), got '" + t + "'");
      }
      tag = Optional.of(t);
      name = namePart.substring(0, colon);
    }
    if (name.isEmpty()) {
      throw error(text, 0, 1, "expected a repository name before '" + text.charAt(0) + "'");
    }

    // The first component is a registry when it looks like a host: has '.' or ':', is
    // localhost, or has upper-case letters (Docker's splitDockerDomain).
    String registry = DOCKER_HUB;
    String path = name;
    int pathOffset = 0;
    int slash = name.indexOf('/');
    if (slash >= 0) {
      String first = name.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase(Locale.ROOT))) {
        checkDomain(text, first);
        registry = first.equals("index.docker.io") ? DOCKER_HUB : first;
        path = name.substring(slash + 1);
        pathOffset = slash + 1;
      }
    }
    int offset = pathOffset;
    for (String component : path.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        String lowercaseHint = !component.equals(component.toLowerCase(Locale.ROOT)) ? " (repository names must be lowercase)" : "";
        throw error(text, offset, Math.max(1, component.length()),
            "expected a path component of lowercase letters and digits separated by '.', '_', '__' or '-'"
                + lowercaseHint + ", got '" + component + "'");
      }
      offset += component.length() + 1;
    }
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    if (name.length() > MAX_NAME) {
      throw error(text, 0, name.length(), "expected a repository name of at most " + MAX_NAME + " characters, got " + name.length());
    }
    return new ImageReference(registry, path, tag, digest);
  }

  private static String parseDigest(String text, int start) throws InvalidImageReference {
    String d = text.substring(start);
    if (d.startsWith("sha256:") && !SHA256_HEX.matcher(d.substring(7)).matches()) {
      throw error(text, start + 7, Math.max(1, d.length() - 7),
          "expected 64 lowercase hex digits after 'sha256:', got '" + d.substring(7) + "'");
    }
    if (!DIGEST.matcher(d).matches()) {
      throw error(text, start, Math.max(1, d.length()),
          "expected a digest after '@' such as sha256:<64 hex digits>, got '" + d + "'");
    }
    return d;
  }

  private static void checkDomain(String text, String domain) throws InvalidImageReference {
    String host = domain;
    int portAt = domain.startsWith("[") ? domain.indexOf("]:") + 1 : domain.lastIndexOf(':');
    if (portAt > 0) {
      String port = domain.substring(portAt + 1);
      if (!port.matches("[0-9]+")) {
        throw error(text, portAt + 1, Math.max(1, port.length()), "expected a port number after ':' in the registry host, got '" + port + "'");
      }
      host = domain.substring(0, portAt);
    }
    boolean ok;
    if (host.startsWith("[")) {
      ok = IPV6.matcher(host).matches();
    } else {
      ok = !host.isEmpty();
      for (String part : host.split("\\.", -1)) {
        ok &= DOMAIN_COMPONENT.matcher(part).matches();
      }
    }
    if (!ok) {
      throw error(text, 0, Math.max(1, host.length()),
          "expected a registry host (letters, digits and '-' in dot-separated labels, or [IPv6]), got '" + host + "'");
    }
  }

  private static InvalidImageReference error(String text, int offset, int length, String message) {
    return new InvalidImageReference(message, SourceSpan.inLine(SOURCE, text, offset, length));
  }

  /** {@code docker.io/library/python}. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The short name Docker prints: {@code python}, {@code user/repo}, {@code ghcr.io/org/repo}. */
  public String familiarName() {
    if (!registry.equals(DOCKER_HUB)) {
      return name();
    }
    return repository.startsWith("library/") && repository.indexOf('/', 8) < 0 ? repository.substring(8) : repository;
  }

  /** {@code python:3.12-slim}, {@code python@sha256:…}. */
  public String familiar() {
    return familiarName() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }

  public ImageReference withTag(String newTag) {
    return new ImageReference(registry, repository, Optional.of(newTag), Optional.empty());
  }

  /** The fully qualified form: {@code docker.io/library/python:3.12-slim}. */
  @Override
  public String toString() {
    return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
