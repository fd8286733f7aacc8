package dev.wheelwise.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.advise.BuildNeed;
import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.advise.Choice;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.PackagePlan;
import dev.wheelwise.advise.Verdict;
import dev.wheelwise.cost.Pitfall;
import dev.wheelwise.cost.Pitfalls;
import dev.wheelwise.project.Origin;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check --format sarif}: SARIF 2.1.0 for GitHub code scanning. One run; one rule per kind
 * of finding ({@link SarifRule}); one result per finding per image and platform, placed where a
 * user would fix it: the requirement line or lock table that asks for the package, or, for a
 * finding about an image as a whole, the Dockerfile's FROM line. Paths are relative to the
 * working directory under {@code %SRCROOT%}; {@code partialFingerprints} hash rule, image,
 * platform and package, so code scanning keeps one alert per finding across runs and versions.
 *
 * <p>Levels are the rule's on the images the project uses ({@link Setting#imagesInUse}); on the
 * other images compared they are notes, so a project on a slim image is not failed for what
 * would break on Alpine. Messages say what the JSON says, unknowns included, and nothing more.
 */
public final class CheckSarif {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What the log needs beyond the result.
   *
   * @param toolVersion wheelwise's version, when known
   * @param workingDirectory what relative input paths are relative to; URIs are written relative to it
   * @param imagesInUse the images the project uses (as {@code images[].image} names them); empty
   *     when every image compared is one the project may use
   * @param inputLines the number of lines of each input file (by {@code inputs[].path}), for
   *     findings about a file as a whole
   */
  public record Setting(Optional<String> toolVersion, Path workingDirectory, Set<String> imagesInUse, Map<String, Integer> inputLines) {
    public Setting {
      imagesInUse = Set.copyOf(imagesInUse);
      inputLines = Map.copyOf(inputLines);
      workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }
  }

  private CheckSarif() {}

  public static String render(CheckResult result, Setting setting) {
    ObjectNode log = JSON.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    run.set("tool", tool(setting));
    // GitHub resolves %SRCROOT%-relative URIs against the repository checkout.
    run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", directoryUri(setting.workingDirectory()));
    ArrayNode results = run.putArray("results");
    Findings findings = new Findings(result, setting, results, Pitfalls.load());
    result.images().forEach(findings::of);
    try {
      return JSON.writeValueAsString(log) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode tool(Setting setting) {
    ObjectNode driver = JSON.createObjectNode();
    driver.put("name", "wheelwise");
    // No public page of the project exists to name as informationUri; none is made up.
    setting.toolVersion().ifPresent(v -> driver.put("version", v));
    setting.toolVersion().filter(CheckSarif::isSemVer).ifPresent(v -> driver.put("semanticVersion", v));
    ArrayNode rules = driver.putArray("rules");
    for (SarifRule r : SarifRule.values()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", r.id);
      rule.put("name", r.name);
      rule.putObject("shortDescription").put("text", r.shortDescription);
      rule.putObject("fullDescription").put("text", r.fullDescription);
      rule.putObject("help").put("text", r.help);
      rule.putObject("defaultConfiguration").put("level", r.level);
    }
    ObjectNode tool = JSON.createObjectNode();
    tool.set("driver", driver);
    return tool;
  }

  /** The results of one check, appended to {@code results}. */
  private record Findings(CheckResult check, Setting setting, ArrayNode results, Pitfalls pitfalls) {

    void of(ImagePlan plan) {
      for (PackagePlan p : plan.packages()) {
        if (p.choice() instanceof Choice.Sdist s) {
          add(SarifRule.SOURCE_BUILD, plan, Optional.of(p), "pip would build " + named(p) + " from source (" + s.file().filename() + ")"
              + needs(p) + incomplete(p, "no wheel for this image was seen") + remedies(plan, "pin", "upgrade", "switch-image"));
        } else if (p.choice() instanceof Choice.Nothing n) {
          add(SarifRule.UNAVAILABLE, plan, Optional.of(p), "pip finds no file of " + named(p) + " it can install: " + sentence(n.reason())
              + incomplete(p, "no installable file was seen") + remedies(plan, "pin", "upgrade", "switch-image"));
        } else if (p.choice() instanceof Choice.Unknown u) {
          add(SarifRule.UNKNOWN, plan, Optional.of(p), "what pip installs for " + named(p) + " is not known: " + sentence(u.reason()));
        }
      }
      plan.failure().ifPresent(f -> add(SarifRule.BUILD_FAILS, plan,
          plan.packages().stream().filter(p -> p.name().equals(f.packageName())).findFirst(),
          "as written, the build fails at " + f.packageName() + ": it lacks " + String.join(" ", f.missingSystemPackages())
              + "; pip would stop with: " + sentence(f.error()) + remedies(plan, "system-packages", "switch-image")));
      boolean perPackage = plan.packages().stream().anyMatch(p -> p.choice() instanceof Choice.Nothing);
      if (plan.verdict() == Verdict.UNAVAILABLE && !perPackage && plan.reason().isPresent()) {
        add(SarifRule.UNAVAILABLE, plan, Optional.empty(), "the project cannot be installed here: " + sentence(plan.reason().get())
            + remedies(plan, "switch-image"));
      }
      if (plan.verdict() == Verdict.UNKNOWN && plan.reason().isPresent()) {
        add(SarifRule.UNKNOWN, plan, Optional.empty(), "neither 'builds' nor 'fails' can be claimed: " + sentence(plan.reason().get())
            + remedies(plan, "system-packages"));
      }
      for (String id : plan.summary().pitfalls()) {
        add(SarifRule.MUSL_PITFALL, plan, Optional.empty(), "musl runtime pitfall " + id
            + pitfalls.byId(id).map(Pitfall::title).map(t -> ": " + t).orElse("") + ".", id);
      }
    }

    private void add(SarifRule rule, ImagePlan plan, Optional<PackagePlan> pkg, String message) {
      add(rule, plan, pkg, message, pkg.map(PackagePlan::name).orElse(""));
    }

    /** One result; {@code subject} tells apart the findings of one rule on one image (the package, the pitfall). */
    private void add(SarifRule rule, ImagePlan plan, Optional<PackagePlan> pkg, String message, String subject) {
      String image = plan.image().image();
      boolean inUse = setting.imagesInUse().isEmpty() || setting.imagesInUse().contains(image);
      ObjectNode r = results.addObject();
      r.put("ruleId", rule.id);
      r.put("ruleIndex", rule.ordinal());
      r.put("level", inUse ? rule.level : "note");
      r.putObject("message").put("text", image + " (" + plan.image().platform() + ")"
          + (inUse ? "" : ", an image compared with the one this project uses,") + ": " + message);
      // A package's own line, else the FROM line for the image; with neither (a dependency
      // nobody wrote down, an image no Dockerfile names), the input file as a whole: its region
      // spans every line (as SARIF2017 asks) rather than pretending line 1 is the place.
      Optional<Origin> at = pkg.isPresent() ? pkg.get().origin() : check.imageOrigin();
      String file = at.map(Origin::file).orElseGet(() -> check.inputs().isEmpty() ? null : check.inputs().get(0).path());
      if (file != null) {
        ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
        artifact(physical.putObject("artifactLocation"), file);
        if (at.isPresent()) {
          physical.putObject("region").put("startLine", at.get().line());
        } else if (setting.inputLines().containsKey(file)) {
          physical.putObject("region").put("startLine", 1).put("endLine", Math.max(1, setting.inputLines().get(file)));
        }
      }
      r.putObject("partialFingerprints").put("wheelwiseFinding/v1",
          sha256(rule.id + "\n" + image + "\n" + plan.image().platform() + "\n" + subject));
      ObjectNode properties = r.putObject("properties").put("image", image).put("platform", plan.image().platform())
          .put("verdict", plan.verdict().json());
      pkg.ifPresent(p -> properties.put("package", p.name()).put("version", p.version().orElse(null)));
    }

    private void artifact(ObjectNode location, String file) {
      Path absolute = setting.workingDirectory().resolve(file).normalize();
      if (absolute.startsWith(setting.workingDirectory())) {
        location.put("uri", relativeUri(setting.workingDirectory().relativize(absolute)));
        location.put("uriBaseId", SRCROOT);
      } else {
        location.put("uri", absolute.toUri().toString());
      }
    }

    private String remedies(ImagePlan plan, String... kinds) {
      List<String> texts = check.remedies().stream()
          .filter(r -> r.image().equals(plan.image().image()) && r.platform().equals(plan.image().platform())
              && List.of(kinds).contains(r.kind()))
          .map(r -> r.text().strip())
          .toList();
      return texts.isEmpty() ? "" : " Remedies: " + sentence(String.join("; ", texts));
    }
  }

  /** {@code numpy 1.18.1}, or the name alone when no version is known. */
  private static String named(PackagePlan p) {
    return p.name() + p.version().map(v -> " " + v).orElse("");
  }

  private static String needs(PackagePlan p) {
    if (p.build().isEmpty()) {
      return ".";
    }
    BuildNeed b = p.build().get();
    if (!b.known()) {
      return "; what the build needs is not known" + b.note().map(n -> " (" + n + ")").orElse("") + ".";
    }
    return "; it needs " + (b.systemPackages().isEmpty() ? "no system packages" : String.join(" ", b.systemPackages()))
        + (b.toolchains().isEmpty() ? "" : " (toolchains: " + String.join(", ", b.toolchains()) + ")")
        + (b.pure() ? " (" + b.sdist().describe() + ")" : "") + ".";
  }

  /** What an incomplete file list leaves open: {@code seen} says what was not seen, which is not "absent". */
  private static String incomplete(PackagePlan p, String seen) {
    return p.filesComplete() ? "" : " The file list is incomplete: " + seen + ", which does not mean none exists.";
  }

  /** SARIF messages are sentences (the validator's SARIF2001). */
  static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  /** SemVer 2.0's shape ({@code 0.1.0-SNAPSHOT}), which SARIF's {@code semanticVersion} requires. */
  static boolean isSemVer(String v) {
    return v.matches("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
  }

  /** Percent-encodes a relative path for a URI reference, segment by segment, with {@code /} between. */
  static String relativeUri(Path relative) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < relative.getNameCount(); i++) {
      if (i > 0) {
        out.append('/');
      }
      for (byte b : relative.getName(i).toString().getBytes(StandardCharsets.UTF_8)) {
        char c = (char) (b & 0xff);
        if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
          out.append(c);
        } else {
          out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
      }
    }
    return out.toString();
  }

  static String directoryUri(Path dir) {
    String uri = dir.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
