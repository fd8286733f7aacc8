package dev.wheelwise.advise;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets of the differential tests, with the facts the catalog records for them
 * (../shared/catalog/base-images.json): python:3.12-slim (trixie, glibc 2.41, Python 3.12.14),
 * python:3.12-alpine (3.24, musl 1.2.6), each on amd64 and arm64, and python:3.8-alpine as of
 * January 2020 (musl 1.1.24, Python 3.8.1, pip 20.0.2: no musllinux, no manylinux_x_y).
 */
final class OracleTargets {
  private OracleTargets() {}

  record Facts(String image, String python, String libc, int libcMajor, int libcMinor, String arch, PipProfile pip) {
    /** The chooser's view, through the tags package: a full differential check of tags and choice. */
    ChooserTarget chooserTarget() {
      String[] v = python.split("\\.");
      Libc l = libc.equals("musl") ? Libc.musl(libcMajor, libcMinor) : Libc.glibc(libcMajor, libcMinor);
      Target t = new Target(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), false, l,
          Arch.parse(arch).orElseThrow());
      return ChooserTarget.of(t, pip);
    }

    /** The oracle's view: what the image's pip knows decides which platform tags exist. */
    Map<String, Object> oracleTarget() {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("python", python);
      t.put("libc", libc);
      t.put("libcVersion", List.of(libcMajor, libcMinor));
      t.put("arch", arch);
      t.put("musllinux", pip.supportsMusllinux());
      t.put("pep600", pip.supportsPep600());
      t.put("manylinux2014", pip.supportsManylinux2014());
      return t;
    }

    String description() {
      return image + " " + arch;
    }
  }

  static final PipProfile CURRENT = PipProfile.DEFAULT;
  static final PipProfile PIP_20_0_2 = PipProfile.forPip(Version.tryParse("20.0.2"));

  static final List<Facts> ALL = List.of(
      new Facts("python:3.12-slim", "3.12.14", "glibc", 2, 41, "x86_64", CURRENT),
      new Facts("python:3.12-slim", "3.12.14", "glibc", 2, 41, "aarch64", CURRENT),
      new Facts("python:3.12-alpine", "3.12.14", "musl", 1, 2, "x86_64", CURRENT),
      new Facts("python:3.12-alpine", "3.12.14", "musl", 1, 2, "aarch64", CURRENT),
      new Facts("python:3.8-alpine@2020-01", "3.8.1", "musl", 1, 1, "x86_64", PIP_20_0_2));
}
