package dev.wheelwise.dockerfile;

import java.util.ArrayDeque;
import java.util.Deque;

/** Image paths: resolution against a working directory and normalization (POSIX rules). */
final class Paths {
  private Paths() {}

  static String resolve(String workdir, String path) {
    if (path.startsWith("/")) {
      return normalize(path);
    }
    return normalize((workdir == null ? "/" : workdir) + "/" + path);
  }

  /** {@code /a/./b/../c/} → {@code /a/c}; relative paths stay relative, without {@code ./}. */
  static String normalize(String path) {
    boolean absolute = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!absolute) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    return absolute ? "/" + joined : joined;
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Whether {@code name} matches a shell glob of {@code *}, {@code ?} and {@code [..]}; iterative. */
  static boolean globMatches(String glob, String name) {
    int g = 0;
    int n = 0;
    int star = -1;
    int mark = 0;
    while (n < name.length()) {
      if (g < glob.length() && glob.charAt(g) == '[') {
        int close = glob.indexOf(']', g + 1);
        if (close > g && close - g > 1 && glob.substring(g + 1, close).indexOf(name.charAt(n)) >= 0) {
          g = close + 1;
          n++;
          continue;
        }
      } else if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
        g++;
        n++;
        continue;
      }
      if (g < glob.length() && glob.charAt(g) == '*') {
        star = g++;
        mark = n;
      } else if (star >= 0) {
        g = star + 1;
        n = ++mark;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }

  static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }
}
