package dev.wheelwise.index;

import java.util.LinkedHashMap;
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
    Map<String, Credentials> machines = new LinkedHashMap<>();
    Credentials fallback = null;
    String[] lines = text.split("\\R", -1);
    String host = null;
    boolean isDefault = false;
    String login = null;
    String password = null;
    boolean inMacro = false;
    java.util.List<String> tokens = new java.util.ArrayList<>();
    for (String line : lines) {
      if (inMacro) {
        if (line.isBlank()) {
          inMacro = false; // a macro ends at an empty line
        }
        continue;
      }
      String stripped = line.strip();
      if (stripped.startsWith("#")) {
        continue;
      }
      String[] parts = stripped.split("\\s+");
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].equals("macdef")) {
          inMacro = true;
          break;
        }
        if (!parts[i].isEmpty()) {
          tokens.add(parts[i]);
        }
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      switch (t) {
        case "machine":
        case "default":
          if (host != null || isDefault) {
            Credentials c = new Credentials(login == null ? "" : login, password == null ? "" : password);
            if (isDefault) {
              fallback = c;
            } else {
              machines.putIfAbsent(host, c);
            }
          }
          isDefault = t.equals("default");
          host = isDefault ? null : next;
          login = null;
          password = null;
          if (!isDefault) {
            i++;
          }
          break;
        case "login":
        case "account":
          if (t.equals("login")) {
            login = next;
          }
          i++;
          break;
        case "password":
          password = next;
          i++;
          break;
        default:
          break;
      }
    }
    if (host != null || isDefault) {
      Credentials c = new Credentials(login == null ? "" : login, password == null ? "" : password);
      if (isDefault) {
        fallback = c;
      } else {
        machines.putIfAbsent(host, c);
      }
    }
    return new Netrc(machines, Optional.ofNullable(fallback));
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
