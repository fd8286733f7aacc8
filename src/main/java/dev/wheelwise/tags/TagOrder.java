package dev.wheelwise.tags;

import java.util.ArrayList;
import java.util.List;

/**
 * The two generators pip chains to build its supported-tag list ({@code
 * pip._internal.utils.compatibility_tags.get_supported}): {@code packaging.tags.cpython_tags}
 * then {@code compatible_tags}. Pure functions of their inputs; the position in the returned
 * list is the priority (0 = best). Research notes §1.1 give the order in pseudo-code.
 */
public final class TagOrder {

  /** Which stable ABI a CPython build accepts besides its own ABI. */
  public enum StableAbi {
    /** {@code abi3} (PEP 384), for every GIL build from 3.2 on. */
    ABI3,
    /** {@code abi3t} (PEP 803), a free-threaded build under packaging 26.1 and later. */
    ABI3T,
    /** Nothing: a free-threaded build under packaging 24.0–26.0, which suppressed abi3. */
    NONE
  }

  private TagOrder() {}

  /**
   * {@code cpython_tags(python_version=(major, minor), abis, platforms)}: every ABI on every
   * platform, then the stable ABI of this minor, then {@code none}, then the stable ABI of each
   * older minor down to 3.2.
   */
  public static List<Tag> cpython(int major, int minor, List<String> abis, List<String> platforms, StableAbi stable) {
    String interpreter = "cp" + major + minor;
    List<Tag> out = new ArrayList<>();
    for (String abi : abis) {
      if (abi.equals("abi3") || abi.equals("none")) {
        continue; // packaging re-emits these in their fixed slots below
      }
      for (String platform : platforms) {
        out.add(new Tag(interpreter, abi, platform));
      }
    }
    boolean stableApplies = stable != StableAbi.NONE && (major > 3 || (major == 3 && minor >= 2));
    String stableName = stable == StableAbi.ABI3T ? "abi3t" : "abi3";
    if (stableApplies) {
      for (String platform : platforms) {
        out.add(new Tag(interpreter, stableName, platform));
      }
    }
    for (String platform : platforms) {
      out.add(new Tag(interpreter, "none", platform));
    }
    if (stableApplies) {
      for (int older = minor - 1; older > 1; older--) {
        for (String platform : platforms) {
          out.add(new Tag("cp" + major + older, stableName, platform));
        }
      }
    }
    return out;
  }

  /**
   * {@code compatible_tags(python_version=(major, minor), interpreter, platforms)}: pure-Python
   * tags per platform ({@code py312}, {@code py3}, {@code py311} … {@code py30}), then {@code
   * <interpreter>-none-any}, then the same Python range with {@code any}. pip always passes its
   * interpreter ({@code cp312}), so {@code cp312-none-any} is present under every packaging.
   */
  public static List<Tag> compatible(int major, int minor, String interpreter, List<String> platforms) {
    List<String> range = pythonRange(major, minor);
    List<Tag> out = new ArrayList<>();
    for (String py : range) {
      for (String platform : platforms) {
        out.add(new Tag(py, "none", platform));
      }
    }
    out.add(new Tag(interpreter, "none", "any"));
    for (String py : range) {
      out.add(new Tag(py, "none", "any"));
    }
    return out;
  }

  /** {@code py312, py3, py311, …, py30}: the major-only tag sits second (packaging's order). */
  static List<String> pythonRange(int major, int minor) {
    List<String> range = new ArrayList<>();
    range.add("py" + major + minor);
    range.add("py" + major);
    for (int m = minor - 1; m >= 0; m--) {
      range.add("py" + major + m);
    }
    return range;
  }
}
