package dev.wheelwise.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code ~/.netrc} (the format of Python's {@code netrc} module, which pip reaches
 * through requests): {@code machine HOST login USER password PASS}, a {@code default} entry,
 * {@code macdef} blocks skipped. Tokens may be on any lines.
 */
public final class Netrc {
  private final Map<String, Credentials> machines;
  private final Optional<Credentials> fallback;

  private Netrc(Map<String, Credentials> machines, Optional<Credentials> fallback) {
    this.machines = Map.copyOf(machines);
    this.fallback = fallback;
  }

  public static final Netrc EMPTY = new Netrc(Map.of(), Optional.empty());

  public static Netrc parse(String text) {
    List<String> tokens = tokens(text);
    Map<String, Credentials> machines = new LinkedHashMap<>();
    Credentials fallback = null;
    int i = 0;
    while (i < tokens.size()) {
      String t = tokens.get(i++);
      if (!t.equals("machine") && !t.equals("default")) {
        continue; // stray token outside an entry: ignored, as Python's netrc does for macdef bodies
      }
      String host = t.equals("machine") && i < tokens.size() ? tokens.get(i++) : null;
      String login = "";
      String password = "";
      while (i < tokens.size() && !tokens.get(i).equals("machine") && !tokens.get(i).equals("default")) {
        String key = tokens.get(i++);
        String value = i < tokens.size() ? tokens.get(i++) : "";
        if (key.equals("login")) {
          login = value;
        } else if (key.equals("password")) {
          password = value;
        }
      }
      Credentials c = new Credentials(login, password);
      if (host == null) {
        fallback = c;
      } else {
        machines.putIfAbsent(host, c);
      }
    }
    return new Netrc(machines, Optional.ofNullable(fallback));
  }

  /** White-space separated tokens, without comment lines and {@code macdef} bodies (which end at an empty line). */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    boolean inMacro = false;
    for (String line : text.split("\\R", -1)) {
      if (inMacro) {
        inMacro = !line.isBlank();
        continue;
      }
      String stripped = line.strip();
      if (stripped.startsWith("#")) {
        continue;
      }
      for (String part : stripped.split("\\s+")) {
        if (part.equals("macdef")) {
          inMacro = true;
          break;
        }
        if (!part.isEmpty()) {
          tokens.add(part);
        }
      }
    }
    return tokens;
  }

  /** The entry for this host, else the {@code default} entry. */
  public Optional<Credentials> forHost(String host) {
    Credentials c = machines.get(host);
    return c != null ? Optional.of(c) : fallback;
  }

  @Override
  public String toString() {
    return "Netrc" + machines.keySet();
  }
}
