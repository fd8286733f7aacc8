package dev.wheelwise.dockerfile;

import java.util.List;
import java.util.Set;

/**
 * Recognizes system package operations: apk add|del|update|upgrade|cache, apt-get / apt /
 * aptitude install|remove|purge|autoremove|update|upgrade|clean, dnf / yum / microdnf
 * install|remove|erase|update|upgrade|clean, and {@code rm -rf /var/lib/apt/lists/*} or
 * {@code /var/cache/apk/*}.
 */
final class SystemPackages {
  private SystemPackages() {}

  private static final OptionTable APK =
      OptionTable.of(Set.of("--virtual", "--repository", "--repositories-file", "--root", "--arch", "--keys-dir",
              "--cache-dir", "--cache-max-age", "--timeout", "--wait"),
          "-t", "--virtual", "-X", "--repository", "-p", "--root", "-U", "--update", "-u", "--upgrade", "-q", "--quiet",
          "-v", "--verbose", "-l", "--latest", "-i", "--interactive", "-r", "--rdepends");
  private static final OptionTable APT =
      OptionTable.of(Set.of("--option", "--target-release", "--config-file", "--host-architecture"),
          "-o", "--option", "-t", "--target-release", "-c", "--config-file", "-a", "--host-architecture", "-y", "--yes",
          "-q", "--quiet", "-f", "--fix-broken", "-m", "--fix-missing", "-V", "--verbose-versions", "-d", "--download-only");
  private static final OptionTable DNF =
      OptionTable.of(Set.of("--setopt", "--enablerepo", "--disablerepo", "--installroot", "--releasever", "--repo",
              "--exclude", "--repofrompath", "--config"),
          "-x", "--exclude", "-y", "--assumeyes", "-q", "--quiet", "-c", "--config");

  static PackageOp recognize(ShellCommand command, RunContext ctx) {
    List<String> w = command.values();
    String first = Shell.baseName(w.get(0));
    switch (first) {
      case "apk":
        return op("apk", command, ctx, APK, switch (sub(w, APK)) {
          case "add" -> "install";
          case "del" -> "remove";
          case "update" -> "update";
          case "upgrade" -> "upgrade";
          case "cache" -> "clean";
          default -> null;
        });
      case "apt-get", "apt", "aptitude":
        return op("apt", command, ctx, APT, switch (sub(w, APT)) {
          case "install", "reinstall" -> "install";
          case "remove", "purge", "autoremove" -> "remove";
          case "update" -> "update";
          case "upgrade", "dist-upgrade", "full-upgrade" -> "upgrade";
          case "clean", "autoclean" -> "clean";
          case "build-dep" -> "build-dep";
          default -> null;
        });
      case "dnf", "yum", "microdnf", "tdnf":
        return op(first, command, ctx, DNF, switch (sub(w, DNF)) {
          case "install", "groupinstall", "reinstall" -> "install";
          case "remove", "erase", "autoremove", "groupremove" -> "remove";
          case "update", "upgrade" -> "upgrade";
          case "clean" -> "clean";
          case "makecache", "check-update" -> "update";
          default -> null;
        });
      case "rm":
        for (String arg : w.subList(1, w.size())) {
          if (arg.startsWith("/var/lib/apt")) {
            return clean("apt", command, ctx, arg);
          }
          if (arg.startsWith("/var/cache/apk")) {
            return clean("apk", command, ctx, arg);
          }
        }
        return null;
      default:
        return null;
    }
  }

  private static String sub(List<String> w, OptionTable table) {
    for (int k = 1; k < w.size(); k++) {
      String word = w.get(k);
      if (!word.startsWith("-")) {
        return word;
      }
      if (table.consumesNext(word)) {
        k++;
      }
    }
    return "";
  }

  private static PackageOp op(String manager, ShellCommand command, RunContext ctx, OptionTable table, String action) {
    if (action == null) {
      return null;
    }
    List<String> w = command.values();
    OptionTable.Split split = table.split(w.subList(1, w.size()));
    List<String> packages = action.equals("clean") && manager.equals("apk")
        ? List.of()
        : split.positionals().subList(Math.min(1, split.positionals().size()), split.positionals().size());
    String virtual = null;
    boolean noCache = false;
    boolean noRecommends = false;
    for (CommandOption o : split.options()) {
      if (o.name().equals("--virtual")) {
        virtual = o.value();
      }
      if (o.name().equals("--no-cache")) {
        noCache = true;
      }
      if (o.name().equals("--no-install-recommends")
          || (o.name().equals("--option") && o.value() != null && o.value().replace(" ", "").equalsIgnoreCase("APT::Install-Recommends=false"))) {
        noRecommends = true;
      }
    }
    if (manager.equals("dnf") || manager.equals("yum") || manager.equals("microdnf")) {
      noRecommends = split.options().stream().anyMatch(o -> o.name().equals("--setopt") && "install_weak_deps=0".equals(o.value())
          || o.name().equals("--setopt") && "install_weak_deps=False".equals(o.value()));
    }
    ShellWord first = command.words().get(0);
    return new PackageOp(manager, action, packages, split.options(), virtual, noCache, noRecommends, ctx.cacheMounts(), w,
        ctx.lines().line(first.offset()), ctx.lines().column(first.offset()), ctx.instructionLine(),
        command.conditional());
  }

  private static PackageOp clean(String manager, ShellCommand command, RunContext ctx, String path) {
    ShellWord first = command.words().get(0);
    return new PackageOp(manager, "clean", List.of(path), List.of(), null, false, false, ctx.cacheMounts(), command.values(),
        ctx.lines().line(first.offset()), ctx.lines().column(first.offset()), ctx.instructionLine(),
        command.conditional());
  }
}
