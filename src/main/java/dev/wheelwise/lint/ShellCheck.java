package dev.wheelwise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.Finding;
import dev.wheelwise.Finding.Severity;
import dev.wheelwise.SourceSpan;
import dev.wheelwise.dockerfile.Heredoc;
import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.OffsetMap;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.Stage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ShellCheck on RUN scripts, as hadolint runs it: the shell form of each RUN (continuations
 * joined, as the shell receives it) and heredoc scripts ({@code RUN <<EOF}), in the dialect of
 * the stage's SHELL (sh, bash, ksh; others and exec form are skipped). One ShellCheck process per
 * file and dialect; its findings come back as {@code SCxxxx} at the Dockerfile's line and
 * column. {@code SC2154} (variable not assigned) is excluded: ARG, ENV and the base image set them.
 */
public final class ShellCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path executable;

  public ShellCheck(Path executable) {
    this.executable = executable;
  }

  /** The {@code shellcheck} found on {@code path} (the PATH variable's value), if any. */
  public static Optional<ShellCheck> onPath(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "shellcheck"))) {
        return Optional.of(new ShellCheck(Path.of(dir, "shellcheck")));
      }
    }
    return Optional.empty();
  }

  /** A script and where its characters sit in the Dockerfile. */
  private record Script(String text, OffsetMap map) {}

  public List<Finding> check(Subject subject) throws IOException {
    Map<String, List<Script>> byDialect = new LinkedHashMap<>();
    for (Stage stage : subject.model().stages()) {
      for (Run run : stage.runs()) {
        Instruction ins = run.instruction();
        String dialect = dialect(run.shell());
        if (ins.json() || !run.readable() || dialect == null) {
          continue;
        }
        List<Script> scripts = byDialect.computeIfAbsent(dialect, d -> new ArrayList<>());
        if (ins.heredocs().isEmpty()) {
          scripts.add(new Script(ins.rest(), ins.restMap()));
        } else if (ins.rest().strip().startsWith("<<")) {
          for (Heredoc doc : ins.heredocs()) {
            if (doc.chomp()) {
              continue; // tabs stripped: columns would not map back
            }
            scripts.add(new Script(doc.content(), OffsetMap.contiguous(doc.offset(), doc.content().length())));
          }
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, List<Script>> e : byDialect.entrySet()) {
      if (!e.getValue().isEmpty()) {
        out.addAll(run(subject, e.getKey(), e.getValue()));
      }
    }
    return out;
  }

  private static String dialect(List<String> shell) {
    if (shell.isEmpty()) {
      return "sh";
    }
    String name = shell.get(0).substring(shell.get(0).lastIndexOf('/') + 1);
    return switch (name) {
      case "sh", "ash", "dash", "busybox" -> "sh";
      case "bash" -> "bash";
      case "ksh", "mksh" -> "ksh";
      default -> null;
    };
  }

  private List<Finding> run(Subject subject, String dialect, List<Script> scripts) throws IOException {
    Path dir = Files.createTempDirectory("wheelwise-shellcheck");
    try {
      List<String> command = new ArrayList<>(List.of(executable.toString(), "-s", dialect, "-f", "json1", "--exclude=SC2154"));
      for (int k = 0; k < scripts.size(); k++) {
        Path f = dir.resolve("run" + k + ".sh");
        Files.writeString(f, scripts.get(k).text(), StandardCharsets.UTF_8);
        command.add(f.toString());
      }
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] stdout = p.getInputStream().readAllBytes();
      try {
        // A bound against a hung tool, not a speed requirement.
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IOException(executable + " did not finish within 60 s");
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + executable, ie);
      }
      JsonNode root = JSON.readTree(stdout);
      List<Finding> out = new ArrayList<>();
      for (JsonNode c : root.path("comments")) {
        String name = Path.of(c.path("file").asText()).getFileName().toString();
        int k = Integer.parseInt(name.replaceAll("\\D", ""));
        Script s = scripts.get(k);
        int index = indexOf(s.text(), c.path("line").asInt(1), c.path("column").asInt(1));
        int offset = s.map().fileOffset(index);
        SourceSpan span = SourceSpan.at(subject.file().source(), subject.file().text(), offset, 1);
        out.add(new Finding("SC" + c.path("code").asInt(), severity(c.path("level").asText()), c.path("message").asText(), span,
            Optional.empty()));
      }
      return out;
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** The index in {@code text} of ShellCheck's 1-based line and column. */
  private static int indexOf(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', at);
      if (nl < 0) {
        return text.length();
      }
      at = nl + 1;
    }
    int end = text.indexOf('\n', at);
    return Math.min(at + column - 1, end < 0 ? text.length() : end);
  }

  private static Severity severity(String level) {
    return switch (level) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      case "info" -> Severity.INFO;
      default -> Severity.STYLE;
    };
  }
}
