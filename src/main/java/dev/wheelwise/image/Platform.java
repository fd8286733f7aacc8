package dev.wheelwise.image;

import dev.wheelwise.SourceSpan;
import dev.wheelwise.tags.Arch;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI platform, {@code os/architecture[/variant]}, normalized as containerd's {@code
 * platforms.Normalize} does: {@code aarch64} and {@code arm64} mean {@code arm64/v8}, {@code
 * x86_64} means {@code amd64}, a bare {@code arm} means {@code arm/v7}.
 */
public record Platform(String os, String architecture, Optional<String> variant) {

  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", Optional.empty());
  private static final String SOURCE = "<platform>";

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(variant, "variant");
  }

  /** Each of {@code --platform}'s values, in order. */
  public static java.util.List<Platform> parseAll(java.util.List<String> texts) throws InvalidPlatform {
    java.util.List<Platform> out = new java.util.ArrayList<>();
    for (String t : texts) {
      out.add(parse(t));
    }
    return out;
  }

  public static Platform parse(String text) throws InvalidPlatform {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()
        || (parts.length == 3 && parts[2].isEmpty())) {
      throw new InvalidPlatform("expected a platform OS/ARCH[/VARIANT] such as linux/amd64 or linux/arm64/v8, got '" + text + "'",
          SourceSpan.inLine(SOURCE, text, 0, text.length()));
    }
    String os = parts[0];
    String arch = parts[1];
    Optional<String> variant = parts.length == 3 ? Optional.of(parts[2]) : Optional.empty();
    switch (arch) {
      case "x86_64", "x86-64", "amd64" -> {
        arch = "amd64";
        if (variant.equals(Optional.of("v1"))) {
          variant = Optional.empty();
        }
      }
      case "aarch64", "arm64" -> {
        arch = "arm64";
        if (variant.isEmpty() || variant.get().equals("8")) {
          variant = Optional.of("v8");
        }
      }
      case "armhf", "arm" -> {
        if (arch.equals("armhf")) {
          variant = Optional.of("v7");
        }
        arch = "arm";
        variant = Optional.of(variant.map(v -> v.startsWith("v") ? v : "v" + v).orElse("v7"));
      }
      case "armel" -> {
        arch = "arm";
        variant = Optional.of("v6");
      }
      case "i386", "i686", "x86" -> arch = "386";
      default -> { }
    }
    return new Platform(os, arch, variant);
  }

  /** The wheel-tag architecture, when pip has one for this platform. */
  public Optional<Arch> arch() {
    if (architecture.equals("arm")) {
      return variant.equals(Optional.of("v7")) ? Optional.of(Arch.ARMV7L) : Optional.empty();
    }
    if (architecture.equals("arm64")) {
      return Optional.of(Arch.AARCH64);
    }
    return Arch.parse(architecture);
  }

  @Override
  public String toString() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }
}
