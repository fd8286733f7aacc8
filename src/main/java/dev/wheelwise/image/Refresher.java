package dev.wheelwise.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Libc;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import okhttp3.OkHttpClient;

/**
 * Reads an image from its registry into a catalog record: index (manifest list) → the
 * platform's manifest → config ({@code PYTHON_VERSION}, {@code PYTHON_PIP_VERSION}) → layers
 * (OS release, the libc from the package database, compilers and package manager from the
 * files present, sizes). Everything read is VERIFIED; what the image does not say stays unknown.
 */
public final class Refresher {

  private final RegistryClient client;

  public Refresher(OkHttpClient http) {
    this.client = new RegistryClient(http);
  }

  /** The record of {@code ref} on {@code platform}, dated {@code today}. */
  public CatalogEntry read(ImageReference ref, Platform platform, LocalDate today) throws IOException, UnknownImage {
    String reference = ref.digest().orElse(ref.tag().orElse("latest"));
    RegistryClient.Document top = client.manifest(ref, reference);
    List<ImagePlatform> platforms = new ArrayList<>();
    Optional<String> indexDigest = Optional.empty();
    RegistryClient.Document manifest = top;
    String chosenPlatform = null;
    if (top.json().has("manifests")) {
      indexDigest = Optional.of(top.digest());
      String chosenDigest = null;
      for (JsonNode m : top.json().path("manifests")) {
        JsonNode p = m.path("platform");
        if (!p.has("os") || p.path("os").asText().equals("unknown")) {
          continue; // attestation manifests carry platform unknown/unknown
        }
        String text = p.path("os").asText() + "/" + p.path("architecture").asText() + (p.has("variant") ? "/" + p.path("variant").asText() : "");
        Platform normalized;
        try {
          normalized = Platform.parse(text);
        } catch (InvalidPlatform bad) {
          continue;
        }
        platforms.add(new ImagePlatform(normalized.toString(), Optional.of(m.path("digest").asText()), OptionalLong.empty(), OptionalLong.empty()));
        if (normalized.equals(platform) && chosenDigest == null) {
          chosenDigest = m.path("digest").asText();
          chosenPlatform = normalized.toString();
        }
      }
      if (chosenDigest == null) {
        throw new UnknownImage(ref.familiar() + " has no " + platform + " image; its index lists "
            + String.join(", ", platforms.stream().map(ImagePlatform::platform).toList()));
      }
      manifest = client.manifest(ref, chosenDigest);
    }

    JsonNode config = new ObjectMapper().readTree(client.blob(ref, manifest.json().path("config").path("digest").asText()));
    if (chosenPlatform == null) {
      String text = config.path("os").asText("linux") + "/" + config.path("architecture").asText("amd64")
          + (config.has("variant") ? "/" + config.path("variant").asText() : "");
      try {
        chosenPlatform = Platform.parse(text).toString();
      } catch (InvalidPlatform bad) {
        throw new IOException(ref.familiar() + " has a config with platform '" + text + "'");
      }
    }

    LayerScanner scanner = new LayerScanner();
    long compressed = 0;
    long uncompressed = 0;
    boolean complete = true;
    boolean compressedKnown = true;
    for (JsonNode layer : manifest.json().path("layers")) {
      if (!layer.path("size").canConvertToLong()) {
        compressedKnown = false; // a layer without a size: the total would be a partial sum
      }
      compressed += layer.path("size").asLong();
      String mediaType = layer.path("mediaType").asText();
      if (mediaType.contains("zstd") || mediaType.contains("foreign") || mediaType.contains("nondistributable")) {
        complete = false;
        continue;
      }
      boolean gzip = mediaType.contains("gzip") || mediaType.endsWith(".tar.gzip");
      uncompressed += client.blob(ref, layer.path("digest").asText(), in -> {
        InputStream tar = gzip ? new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16) : in;
        return scanner.scan(tar);
      });
    }
    String source = ref + " " + (indexDigest.isPresent() ? "index " + indexDigest.get() + ", " : "") + chosenPlatform + " manifest " + manifest.digest() + ", read " + today;
    String basis = "read from the registry: " + source;

    List<ImagePlatform> withSizes = new ArrayList<>();
    String chosen = chosenPlatform;
    boolean sizesKnown = complete;
    boolean compressedSizeKnown = compressedKnown;
    long c = compressed;
    long u = uncompressed;
    if (platforms.isEmpty()) {
      platforms.add(new ImagePlatform(chosen, Optional.of(manifest.digest()), OptionalLong.empty(), OptionalLong.empty()));
    }
    for (ImagePlatform p : platforms) {
      withSizes.add(p.platform().equals(chosen)
          ? new ImagePlatform(p.platform(), p.digest(), compressedSizeKnown ? OptionalLong.of(c) : OptionalLong.empty(), sizesKnown ? OptionalLong.of(u) : OptionalLong.empty())
          : p);
    }

    Map<String, String> env = env(config);
    Fact<OsRelease> os = osRelease(scanner, basis);
    LibcRead libc = libc(scanner, basis);
    Fact<Version> python = versionFact(env.get("PYTHON_VERSION"), "image config Env PYTHON_VERSION; " + basis, "no PYTHON_VERSION in the image config");
    Fact<Version> pip = versionFact(env.get("PYTHON_PIP_VERSION"), "image config Env PYTHON_PIP_VERSION; " + basis,
        "no PYTHON_PIP_VERSION in the image config (pip not pinned, or not installed)");
    Fact<List<String>> compilers = complete
        ? Fact.of(present(scanner, List.of("gcc", "g++", "make")), Provenance.VERIFIED, "files present in the layers; " + basis)
        : Fact.unknown("a layer could not be read (zstd or foreign)");
    Fact<String> packageManager = complete ? Fact.of(packageManager(scanner), Provenance.VERIFIED, "files present in the layers; " + basis)
        : Fact.unknown("a layer could not be read (zstd or foreign)");
    Optional<String> variant = ref.repository().equals("python") || ref.repository().endsWith("/python")
        ? ref.tag().flatMap(PythonTag::parse).map(PythonTag::variant) : Optional.empty();
    return new CatalogEntry(
        ref.name(), ref.tag().map(List::of).orElse(List.of()), List.of(), today, true, variant, os, libc.family(), libc.version(), libc.pkg(),
        python, pip, indexDigest, withSizes, compilers, packageManager, CatalogEntry.Origin.REFRESHED, List.of(source),
        complete ? "" : "Some layers are zstd-compressed or foreign and were not read: OS, libc, compilers and uncompressed size may be incomplete.");
  }

  private static Map<String, String> env(JsonNode config) {
    Map<String, String> env = new HashMap<>();
    for (JsonNode e : config.path("config").path("Env")) {
      String text = e.asText();
      int eq = text.indexOf('=');
      if (eq > 0) {
        env.put(text.substring(0, eq), text.substring(eq + 1));
      }
    }
    return env;
  }

  private static Fact<Version> versionFact(String text, String basis, String unknown) {
    Version v = text == null ? null : Version.tryParse(text);
    return v == null ? Fact.unknown(text == null ? unknown : "not a version: " + text) : Fact.of(v, Provenance.VERIFIED, basis);
  }

  static Fact<OsRelease> osRelease(LayerScanner scanner, String basis) {
    Optional<String> text = scanner.content("etc/os-release").or(() -> scanner.content("usr/lib/os-release"));
    if (text.isEmpty()) {
      return Fact.unknown("no /etc/os-release in the image");
    }
    Map<String, String> fields = new HashMap<>();
    for (String line : text.get().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        String value = line.substring(eq + 1).trim();
        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        fields.put(line.substring(0, eq).trim(), value);
      }
    }
    String id = fields.get("ID");
    if (id == null) {
      return Fact.unknown("/etc/os-release has no ID");
    }
    Optional<String> version = Optional.ofNullable(fields.get("VERSION_ID"));
    if (id.equals("alpine")) {
      version = version.map(v -> v.replaceFirst("^(\\d+\\.\\d+).*", "$1")); // releases are X.Y; X.Y.Z is a point release
    }
    Optional<String> codename = Optional.ofNullable(fields.get("VERSION_CODENAME")).filter(s -> !s.isEmpty());
    return Fact.of(new OsRelease(id, version, codename), Provenance.VERIFIED, "/etc/os-release; " + basis);
  }

  record LibcRead(Optional<Libc.Family> family, Fact<String> version, Optional<String> pkg) {}

  static LibcRead libc(LayerScanner scanner, String basis) {
    Optional<String> apk = scanner.content("lib/apk/db/installed");
    if (apk.isPresent()) {
      for (String stanza : apk.get().split("\n\n")) {
        Map<String, String> f = new HashMap<>();
        for (String line : stanza.split("\n")) {
          if (line.length() > 2 && line.charAt(1) == ':') {
            f.putIfAbsent(line.substring(0, 1), line.substring(2));
          }
        }
        if ("musl".equals(f.get("P")) && f.containsKey("V")) {
          String full = f.get("V");
          return new LibcRead(Optional.of(Libc.Family.MUSL), Fact.of(full.replaceFirst("-r\\d+$", ""), Provenance.VERIFIED,
              "package musl-" + full + " in /lib/apk/db/installed; " + basis), Optional.of("musl-" + full));
        }
      }
    }
    List<String> dpkg = new ArrayList<>();
    scanner.content("var/lib/dpkg/status").ifPresent(dpkg::add);
    dpkg.addAll(scanner.dpkgStatusD().values());
    for (String db : dpkg) {
      for (String stanza : db.split("\n\n")) {
        Map<String, String> f = new HashMap<>();
        for (String line : stanza.split("\n")) {
          int colon = line.indexOf(": ");
          if (colon > 0 && !line.startsWith(" ")) {
            f.putIfAbsent(line.substring(0, colon), line.substring(colon + 2).trim());
          }
        }
        boolean installed = !f.containsKey("Status") || f.get("Status").endsWith(" installed");
        if ("libc6".equals(f.get("Package")) && f.containsKey("Version") && installed) {
          String full = f.get("Version");
          String upstream = full.replaceFirst("^\\d+:", "").replaceFirst("-[^-]*$", "");
          return new LibcRead(Optional.of(Libc.Family.GLIBC), Fact.of(upstream, Provenance.VERIFIED,
              "package libc6 " + full + " in the dpkg database; " + basis), Optional.of("libc6=" + full));
        }
      }
    }
    return new LibcRead(Optional.empty(), Fact.unknown("no musl or libc6 entry in the image's package database"), Optional.empty());
  }

  private static List<String> present(LayerScanner scanner, List<String> tools) {
    List<String> out = new ArrayList<>();
    for (String tool : tools) {
      if (scanner.exists("usr/bin/" + tool) || scanner.exists("usr/local/bin/" + tool) || scanner.exists("bin/" + tool)) {
        out.add(tool);
      }
    }
    return out;
  }

  private static String packageManager(LayerScanner scanner) {
    if (scanner.exists("sbin/apk") || scanner.exists("usr/sbin/apk") || scanner.exists("usr/bin/apk")) {
      return "apk";
    }
    if (scanner.exists("usr/bin/apt-get")) {
      return "apt";
    }
    if (scanner.exists("usr/bin/dnf") || scanner.exists("usr/bin/microdnf")) {
      return "dnf";
    }
    if (scanner.exists("usr/bin/yum")) {
      return "yum";
    }
    return "none";
  }

}
