package dev.wheelwise.index;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which of pip's configuration was read, for a report to show beside its answers (check's
 * {@code source.pipConfig}, a notice in table output, and later {@code --show-config}).
 *
 * @param files the configuration files that existed and were read, lowest priority first
 * @param variables the {@code PIP_*} (and {@code UV_*}) variables that set an option wheelwise uses, by name
 *     only: their values may hold credentials
 * @param isolated {@code --isolated}: user files and variables ignored, as pip ignores them
 * @param skippedFiles why no file was read at all ({@code PIP_CONFIG_FILE=/dev/null}), else empty
 * @param notApplied options pip would apply that wheelwise reads but does not act on, each with where it was set
 */
public record PipConfigUse(
    List<File> files, List<String> variables, boolean isolated, String skippedFiles, List<String> notApplied) {

  /** A file pip reads, with pip's name for its kind: {@code global}, {@code user}, {@code site} or {@code env}. */
  public record File(String kind, Path path) {
    public File {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
      return path + " (" + kind + ")";
    }
  }

  public static final PipConfigUse NONE = new PipConfigUse(List.of(), List.of(), false, "", List.of());

  public PipConfigUse {
    files = List.copyOf(files);
    variables = List.copyOf(variables);
    Objects.requireNonNull(skippedFiles, "skippedFiles");
    notApplied = List.copyOf(notApplied);
  }

  /** Nothing of pip's configuration was read or set. */
  public boolean empty() {
    return files.isEmpty() && variables.isEmpty() && !isolated && skippedFiles.isEmpty() && notApplied.isEmpty();
  }

  /** One line for a person: which files and variables were used. */
  public String summary() {
    StringBuilder sb = new StringBuilder("pip configuration: ");
    if (!skippedFiles.isEmpty()) {
      sb.append("no files (").append(skippedFiles).append(")");
    } else if (files.isEmpty()) {
      sb.append("no files");
    } else {
      sb.append(String.join(", ", files.stream().map(File::toString).toList()));
    }
    if (!variables.isEmpty()) {
      sb.append("; variables ").append(String.join(", ", variables));
    }
    if (isolated) {
      sb.append("; --isolated (user files and PIP_* variables ignored)");
    }
    if (!notApplied.isEmpty()) {
      sb.append("; not applied by wheelwise: ").append(String.join(", ", notApplied));
    }
    return sb.toString();
  }
}
