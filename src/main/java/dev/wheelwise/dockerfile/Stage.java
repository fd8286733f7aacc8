package dev.wheelwise.dockerfile;

import java.util.List;

/**
 * One build stage. {@code baseName} is the FROM argument as written; {@code base} the same
 * after ARG expansion (null when it uses an ARG with no value, or a form not evaluated: BuildKit
 * would use "", which is never what the author meant, so it stays unknown and {@code
 * undefinedArgs} names those ARGs). When {@code base} names an earlier stage, {@code baseStage}
 * is that stage's index;
 * {@code image} is the external image the stage finally rests on ({@code scratch} included;
 * null when unknown). {@code steps} are the Python installs, package operations and lock exports in file order;
 * {@code runs} every RUN of the stage with its commands; {@code copies} its {@code COPY --from} of
 * earlier stages.
 */
public record Stage(
    int index,
    String name,
    int line,
    String baseName,
    String base,
    List<String> undefinedArgs,
    String platform,
    Integer baseStage,
    String image,
    String workdir,
    List<Step> steps,
    List<Run> runs,
    List<StageCopy> copies) {

  public Stage {
    undefinedArgs = List.copyOf(undefinedArgs);
    steps = List.copyOf(steps);
    runs = List.copyOf(runs);
    copies = List.copyOf(copies);
  }

  public List<PythonInstall> pythonInstalls() {
    return steps.stream().filter(PythonInstall.class::isInstance).map(PythonInstall.class::cast).toList();
  }

  public List<PackageOp> packageOps() {
    return steps.stream().filter(PackageOp.class::isInstance).map(PackageOp.class::cast).toList();
  }

  public List<LockExport> lockExports() {
    return steps.stream().filter(LockExport.class::isInstance).map(LockExport.class::cast).toList();
  }

  /** The lock exports of this stage that run before {@code install}. */
  public List<LockExport> lockExportsBefore(PythonInstall install) {
    int at = steps.indexOf(install);
    return at < 0 ? List.of() : steps.subList(0, at).stream().filter(LockExport.class::isInstance).map(LockExport.class::cast).toList();
  }

  /** The package operations of this stage that run before {@code install}. */
  public List<PackageOp> packageOpsBefore(PythonInstall install) {
    int at = steps.indexOf(install);
    if (at < 0) {
      throw new IllegalArgumentException("not a step of stage " + index);
    }
    return steps.subList(0, at).stream().filter(PackageOp.class::isInstance).map(PackageOp.class::cast).toList();
  }
}
